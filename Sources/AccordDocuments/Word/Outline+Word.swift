import AccordCore
import Foundation

/// The outline as WordprocessingML: real heading styles (so Word's navigation pane and table of contents
/// see the structure), a table of contents whose page numbers are fields laid out with the pages, tables with
/// repeating header rows, and a language on every run so spelling and hyphenation follow each language.
extension Outline {
    func docx() throws -> Data {
        let hasFooter = footer != nil
        let hasHeader = header != nil
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(WordPackage.contentTypes(header: hasHeader, footer: hasFooter).utf8)),
            ("_rels/.rels", Array(WordPackage.packageRelationships.utf8)),
            (
                "word/_rels/document.xml.rels",
                Array(WordPackage.documentRelationships(header: hasHeader, footer: hasFooter).utf8)
            ),
            ("word/document.xml", documentXML),
            ("word/styles.xml", Array(WordPackage.styles(language: languages.primary).utf8)),
            ("word/numbering.xml", Array(WordPackage.numbering.utf8)),
            ("word/settings.xml", Array(WordPackage.settings.utf8)),
            ("docProps/core.xml", Array(WordPackage.coreProperties(title: titleText).utf8)),
        ]
        if let header { parts.append(("word/header1.xml", headerXML(header))) }
        if let footer { parts.append(("word/footer1.xml", footerXML(footer))) }
        return try ZipPackage.make(parts)
    }

    /// word/header1.xml: the running header, the document's title and version on the left and
    /// "Page 3 of 12" on the right (PAGE and NUMPAGES fields, which the word processor computes).
    private func headerXML(_ header: Phrase) -> [UInt8] {
        var word = WordBuffer(capacity: 1024)
        word.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
        let language = languages.primary
        word.paragraph(style: "Header") { word in
            word.runs(header)
            word.raw("<w:r><w:tab/></w:r>")
            word.run(language.pick(("Página ", "Page ", "Page ")), language: language)
            Self.field("PAGE", &word)
            word.run(language.pick((" de ", " of ", " sur ")), language: language)
            Self.field("NUMPAGES", &word)
        }
        word.raw("</w:hdr>")
        return word.bytes
    }

    /// A simple field (PAGE, NUMPAGES) with "1" standing in until the word processor lays the pages out.
    private static func field(_ instruction: String, _ word: inout WordBuffer) {
        word.raw(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> "
                + "\(instruction) </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
    }

    /// word/footer1.xml: the ledger's anchor in small type at the foot of every page.
    private func footerXML(_ footer: Phrase) -> [UInt8] {
        var word = WordBuffer(capacity: 512)
        word.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
        word.paragraph(style: "Footer") { $0.runs(footer) }
        word.raw("</w:ftr>")
        return word.bytes
    }

    /// word/document.xml, the text of the document.
    var documentXML: [UInt8] {
        var word = WordBuffer(capacity: blocks.count * 700)
        word.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>")
        var bookmark = 0
        for block in blocks {
            switch block {
            case .title(let title, let subtitles):
                word.paragraph(style: "Title") { $0.runs(title) }
                for line in subtitles { word.paragraph(style: "Subtitle") { $0.runs(line) } }
            case .contents:
                word.paragraph(style: "TOCHeading") {
                    $0.run(Words.contents(languages.primary), language: languages.primary)
                }
                tableOfContents(&word)
            case .heading(let level, let phrase, let anchor, let newPage):
                bookmark += 1
                word.paragraph(style: "Heading\(level)", pageBreak: newPage) { word in
                    word.raw("<w:bookmarkStart w:id=\"\(bookmark)\" w:name=\"")
                    word.escaped(Self.bookmarkName(anchor))
                    word.raw("\"/>")
                    word.runs(phrase)
                    word.raw("<w:bookmarkEnd w:id=\"\(bookmark)\"/>")
                }
            case .item(let entry):
                if languages.isSideBySide {
                    sideBySide(entry, &word)
                } else {
                    item(entry, language: 0, &word)
                }
            case .details(let details):
                if languages.isSideBySide {
                    word.raw("<w:tbl>\(Self.tableProperties(columns: 2, borders: false))<w:tr>")
                    for index in languages.languages.indices {
                        word.raw("<w:tc>")
                        detailLines(details, language: index, &word)
                        word.raw("</w:tc>")
                    }
                    word.raw("</w:tr></w:tbl>")
                } else {
                    detailLines(details, language: 0, &word)
                }
            case .paragraph(let phrase):
                word.paragraph { $0.runs(phrase) }
            case .note(let phrase):
                word.paragraph(style: "Note") { $0.runs(phrase.asNote) }
            case .table(let header, let rows):
                table(header: header, rows: rows, &word)
            }
        }
        // The page: A4 with 2 cm margins, the paper most of the process's delegations print on.
        word.raw(
            "<w:sectPr>"
                + (header == nil ? "" : "<w:headerReference w:type=\"default\" r:id=\"\(WordPackage.headerID)\"/>")
                + (footer == nil ? "" : "<w:footerReference w:type=\"default\" r:id=\"\(WordPackage.footerID)\"/>")
                + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
                + "w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>"
                + "</w:body></w:document>")
        return word.bytes
    }

    /// One item in one language: its number and title, its text, its details as a bulleted list.
    private func item(_ entry: Entry, language index: Int, _ word: inout WordBuffer) {
        // A sub-paragraph is set in under its paragraph, its text and notes with it.
        let indent = entry.depth > 0 ? 720 * entry.depth : nil
        word.paragraph(style: entry.isContext ? "ItemTitleContext" : "ItemTitle", indent: indent) { word in
            word.run(entry.number + " ", language: languages.languages[index], bold: true)
            word.runs(entry.title.pieces[index], bold: true)
        }
        if let text = entry.text {
            word.paragraph(style: "ItemText", indent: indent.map { $0 + 360 }) { $0.runs(text.pieces[index]) }
        }
        if let note = entry.note {
            word.paragraph(style: "Note", indent: indent.map { $0 + 360 }) { $0.runs(note.asNote.pieces[index]) }
        }
        detailLines(entry.details, language: index, &word)
    }

    private func detailLines(_ details: [(label: Phrase, value: Phrase)], language index: Int, _ word: inout WordBuffer)
    {
        for (label, value) in details {
            word.paragraph(style: "Details") { word in
                word.run(label.pieces[index].text + ": ", language: label.pieces[index].language, style: "Label")
                word.runs(value.pieces[index])
            }
        }
    }

    /// An item in two languages: a borderless two-column table, one language a column.
    private func sideBySide(_ entry: Entry, _ word: inout WordBuffer) {
        word.raw("<w:tbl>\(Self.tableProperties(columns: 2, borders: false))<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for index in languages.languages.indices {
            word.raw("<w:tc><w:tcPr><w:tcW w:w=\"2500\" w:type=\"pct\"/></w:tcPr>")
            item(entry, language: index, &word)
            word.raw("</w:tc>")
        }
        word.raw("</w:tr></w:tbl>")
    }

    private func table(header: [Phrase], rows: [[Phrase]], _ word: inout WordBuffer) {
        word.raw("<w:tbl>\(Self.tableProperties(columns: header.count, borders: true))")
        word.raw("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
        for cell in header {
            word.raw("<w:tc>")
            word.paragraph(style: "TableHeading") { $0.runs(cell, bold: true) }
            word.raw("</w:tc>")
        }
        word.raw("</w:tr>")
        for row in rows {
            word.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for cell in row {
                word.raw("<w:tc>")
                // Each language its own paragraph in the cell, so a bilingual table reads line by line.
                for piece in cell.pieces {
                    word.paragraph(style: "TableText") { $0.runs(piece) }
                }
                word.raw("</w:tc>")
            }
            word.raw("</w:tr>")
        }
        word.raw("</w:tbl>")
        word.paragraph { _ in }
    }

    /// The contents: an entry per heading of levels 1 and 2, each a link to its heading's bookmark with a
    /// `PAGEREF` field for its page. Not a TOC field: LibreOffice (and so the PDF export) keeps a TOC field's
    /// text as written and would print no page numbers, while it computes a `PAGEREF` when it lays the pages
    /// out; Word updates them on opening (the settings' `updateFields`).
    private func tableOfContents(_ word: inout WordBuffer) {
        for case .heading(let level, let phrase, let anchor, _) in blocks where level <= 2 {
            let bookmark = Self.bookmarkName(anchor)
            word.paragraph(style: "TOC\(level)") { word in
                word.raw("<w:hyperlink w:anchor=\"")
                word.escaped(bookmark)
                word.raw("\" w:history=\"1\">")
                word.runs(phrase)
                word.raw("<w:r><w:tab/></w:r>")
                word.raw("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>")
                word.raw("<w:r><w:instrText xml:space=\"preserve\"> PAGEREF ")
                word.escaped(bookmark)
                word.raw(" \\h </w:instrText></w:r>")
                word.raw("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>")
                word.raw("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>")
            }
        }
    }

    private static func tableProperties(columns: Int, borders: Bool) -> String {
        let style = borders ? "<w:tblStyle w:val=\"TableGrid\"/>" : ""
        let grid = String(repeating: "<w:gridCol w:w=\"\(9638 / max(columns, 1))\"/>", count: columns)
        return "<w:tblPr>\(style)<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\"/>"
            + "</w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
    }

    /// A bookmark name Word accepts: a letter first, letters, digits and underscores, at most 40 characters.
    private static func bookmarkName(_ anchor: String) -> String {
        let cleaned = anchor.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        return String(("item_" + String(cleaned)).prefix(40))
    }

    private var titleText: String {
        for case .title(let phrase, _) in blocks { return phrase.pieces.first?.text ?? "" }
        return ""
    }
}
