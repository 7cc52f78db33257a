import AccordCore
import Foundation

/// The fixed parts of a Word package: content types, relationships, styles, numbering and settings.
///
/// Written by hand rather than copied from a template so that every style the documents use is defined
/// here, with the outline levels that make headings real headings.
enum WordPackage {
    /// The content types, with the header's and footer's parts where the document has them.
    static func contentTypes(header: Bool, footer: Bool) -> String {
        var parts = ""
        for (part, present) in [("header1", header), ("footer1", footer)] where present {
            let kind = part.hasPrefix("header") ? "header" : "footer"
            parts +=
                "<Override PartName=\"/word/\(part).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.\(kind)+xml\"/>"
        }
        return contentTypes.replacingOccurrences(of: "</Types>", with: parts + "</Types>")
    }

    /// The footer's relationship from the document.
    static let footerID = "rId4"
    /// The header's relationship from the document.
    static let headerID = "rId5"

    /// The document's relationships, with the header's and footer's where the document has them.
    static func documentRelationships(header: Bool, footer: Bool) -> String {
        var parts = ""
        for (id, part, present) in [(headerID, "header", header), (footerID, "footer", footer)] where present {
            parts +=
                "<Relationship Id=\"\(id)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(part)\" "
                + "Target=\"\(part)1.xml\"/>"
        }
        return documentRelationships.replacingOccurrences(of: "</Relationships>", with: parts + "</Relationships>")
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/settings.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/docProps/core.xml" \
        ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" \
        Target="numbering.xml"/>\
        <Relationship Id="rId3" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" \
        Target="settings.xml"/>\
        </Relationships>
        """

    /// Asks the word processor to update fields (the contents' page numbers) when the document is opened.
    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:updateFields w:val="true"/><w:defaultTabStop w:val="709"/></w:settings>
        """

    /// One bulleted list, used by the items' details.
    static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/>\
        <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(Markup.escaped(title))</dc:title>\
        <dc:creator>Accord</dc:creator></cp:coreProperties>
        """
    }

    /// The styles, the document's default language set to its first language.
    static func styles(language: Language) -> String {
        func paragraphStyle(
            _ id: String, _ name: String, run: String = "", paragraph: String = "", basedOn: String = "Normal"
        ) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + "<w:basedOn w:val=\"\(basedOn)\"/><w:qFormat/><w:pPr>\(paragraph)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
        }
        func heading(_ level: Int, size: Int) -> String {
            paragraphStyle(
                "Heading\(level)", "heading \(level)", run: "<w:b/><w:sz w:val=\"\(size)\"/>",
                paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
                    + "<w:outlineLvl w:val=\"\(level - 1)\"/>")
        }
        // A table of contents' page numbers at the right margin, after a dotted leader.
        let tocTabs = "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9638\"/></w:tabs>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" \
            w:cs="Liberation Serif"/><w:sz w:val="22"/><w:lang w:val="\(language.rawValue)"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(paragraphStyle("Title", "Title", run: "<w:b/><w:sz w:val=\"40\"/>", paragraph: "<w:spacing w:after=\"240\"/>"))\
            \(paragraphStyle("Subtitle", "Subtitle", run: "<w:i/><w:sz w:val=\"24\"/>"))\
            \(heading(1, size: 32))\(heading(2, size: 28))\(heading(3, size: 24))\
            \(paragraphStyle("TOCHeading", "TOC Heading", run: "<w:b/><w:sz w:val=\"28\"/>", paragraph: "<w:pageBreakBefore/>"))\
            \(paragraphStyle("TOC1", "toc 1", paragraph: "\(tocTabs)<w:spacing w:after=\"40\"/>"))\
            \(paragraphStyle("TOC2", "toc 2", paragraph: "\(tocTabs)<w:spacing w:after=\"40\"/><w:ind w:left=\"440\"/>"))\
            \(paragraphStyle("ItemTitle", "Item Title", run: "<w:b/>", paragraph: "<w:keepNext/><w:spacing w:before=\"160\"/>"))\
            \(paragraphStyle("ItemTitleContext", "Item Title (context)", run: "<w:b/><w:color w:val=\"595959\"/>",
                paragraph: "<w:keepNext/><w:spacing w:before=\"160\"/>"))\
            \(paragraphStyle("ItemText", "Item Text", paragraph: "<w:ind w:left=\"360\"/>"))\
            \(paragraphStyle("Note", "Note", run: "<w:i/><w:sz w:val=\"20\"/><w:color w:val=\"404040\"/>",
                paragraph: "<w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"6\" w:color=\"BBBBBB\"/></w:pBdr>"
                    + "<w:ind w:left=\"360\"/>"))\
            \(paragraphStyle("Details", "Item Details", run: "<w:sz w:val=\"20\"/>",
                paragraph: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"0\"/>"))\
            \(paragraphStyle("TableHeading", "Table Heading", run: "<w:b/><w:sz w:val=\"20\"/>"))\
            \(paragraphStyle("TableText", "Table Text", run: "<w:sz w:val=\"20\"/>", paragraph: "<w:spacing w:after=\"0\"/>"))\
            \(paragraphStyle("Header", "header", run: "<w:sz w:val=\"16\"/><w:color w:val=\"444444\"/>",
                paragraph: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"999999\"/></w:pBdr>"
                    + "<w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs><w:spacing w:after=\"0\"/>"))\
            \(paragraphStyle("Footer", "footer", run: "<w:sz w:val=\"14\"/><w:color w:val=\"444444\"/>", paragraph: "<w:spacing w:after=\"0\"/>"))\
            <w:style w:type="character" w:styleId="Label"><w:name w:val="Label"/><w:rPr><w:i/></w:rPr></w:style>\
            <w:style w:type="character" w:styleId="Missing"><w:name w:val="Missing Translation"/>\
            <w:rPr><w:i/><w:color w:val="8A1C1C"/></w:rPr></w:style>\
            <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="777777"/>\
            <w:left w:val="single" w:sz="4" w:space="0" w:color="777777"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="777777"/>\
            <w:right w:val="single" w:sz="4" w:space="0" w:color="777777"/>\
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="777777"/>\
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="777777"/>\
            </w:tblBorders></w:tblPr></w:style>\
            </w:styles>
            """
    }
}
