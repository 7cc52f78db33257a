/// Print-ready HTML: one self-contained file (its style inline, no script), with `lang` on every piece of
/// text so that browsers and screen readers read each language as such, and page breaks where the printed
/// plan starts a new part.
extension Outline {
    var html: String {
        let primary = languages.primary
        var out = """
            <!DOCTYPE html>
            <html lang="\(primary.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escaped(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>

            """
        out.reserveCapacity(blocks.count * 400)
        for block in blocks {
            switch block {
            case .title(let title, let subtitles):
                out += "<header><h1>\(inline(title))</h1>\n"
                for line in subtitles { out += "<p class=\"subtitle\">\(inline(line))</p>\n" }
                out += "</header>\n"
            case .contents:
                out += "<nav aria-label=\"\(Markup.escaped(Words.contents(primary)))\">"
                out += "<h2 class=\"contents\">\(Markup.escaped(Words.contents(primary)))</h2>\n<ul>\n"
                for case .heading(let level, let phrase, let anchor, _) in blocks where level <= 2 {
                    out +=
                        "<li class=\"level\(level)\"><a href=\"#\(Markup.escaped(anchor))\">\(inline(phrase))</a></li>\n"
                }
                out += "</ul></nav>\n"
            case .heading(let level, let phrase, let anchor, let newPage):
                let page = newPage ? " class=\"new-page\"" : ""
                out += "<h\(level + 1) id=\"\(Markup.escaped(anchor))\"\(page)>\(inline(phrase))</h\(level + 1)>\n"
            case .item(let entry):
                let classes = "item" + (entry.isContext ? " context" : "") + (entry.depth > 0 ? " sub" : "")
                out += "<section class=\"\(classes)\" id=\"\(Markup.escaped(entry.anchor ?? entry.number))\">\n"
                out += "<p class=\"item-title\"><span class=\"number\">\(Markup.escaped(entry.number))</span> "
                out += "\(stacked(entry.title))</p>\n"
                if let text = entry.text { out += "<div class=\"text\">\(stacked(text))</div>\n" }
                if let note = entry.note { out += "<aside class=\"note\">\(stacked(note.asNote))</aside>\n" }
                out += details(entry.details)
                out += "</section>\n"
            case .details(let list):
                out += details(list)
            case .paragraph(let phrase):
                out += "<p>\(stacked(phrase))</p>\n"
            case .note(let phrase):
                out += "<aside class=\"note\">\(stacked(phrase.asNote))</aside>\n"
            case .table(let header, let rows):
                out += "<table>\n<thead><tr>"
                for cell in header { out += "<th scope=\"col\">\(inline(cell))</th>" }
                out += "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out += "<tr>" + row.map { "<td>\(stacked($0))</td>" }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
        }
        if let footer { out += "<footer class=\"ledger\"><p>\(inline(footer))</p></footer>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// The document's title for the browser tab.
    private var title: String {
        for case .title(let phrase, _) in blocks { return phrase.pieces.first?.text ?? "" }
        return ""
    }

    private func details(_ list: [(label: Phrase, value: Phrase)]) -> String {
        guard !list.isEmpty else { return "" }
        var out = "<dl class=\"details\">"
        for (label, value) in list { out += "<dt>\(inline(label))</dt><dd>\(inline(value))</dd>" }
        return out + "</dl>\n"
    }

    /// A phrase within a line: each language in its own span, separated by a slash.
    private func inline(_ phrase: Phrase) -> String {
        phrase.pieces.map(span).joined(separator: " / ")
    }

    /// A phrase as a block: one language as it is, two side by side in columns.
    private func stacked(_ phrase: Phrase) -> String {
        guard languages.isSideBySide else { return phrase.pieces.map(span).joined() }
        return "<span class=\"pair\">" + phrase.pieces.map { "<span class=\"side\">\(span($0))</span>" }.joined()
            + "</span>"
    }

    private func span(_ piece: Phrase.Piece) -> String {
        let text = Markup.escaped(piece.text).replacingNewlines()
        let mark = Phrase.missingMark(for: piece).map { " <span class=\"missing\">\(Markup.escaped($0))</span>" } ?? ""
        guard piece.language != languages.primary || piece.missing != nil else { return text + mark }
        let language = piece.missing ?? piece.language
        return "<span lang=\"\(language.rawValue)\">\(text)</span>\(mark)"
    }

    private static let style = """
        body{font-family:"Liberation Serif","Times New Roman",serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
        line-height:1.4;color:#111}h1{font-size:1.8rem}h2{font-size:1.5rem;border-bottom:1px solid #999}\
        h3{font-size:1.2rem}h4{font-size:1.05rem}.subtitle{margin:.2rem 0;color:#333}\
        .item{margin:0 0 1rem 1rem}.item.sub{margin-left:3rem}.item-title{font-weight:bold;margin:.2rem 0}.number{margin-right:.4rem}\
        .context{color:#555}.details{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.2rem 0;\
        font-size:.92rem}.details dt{font-style:italic}.details dd{margin:0}.missing{color:#8a1c1c;font-size:.85em}\
        .note{font-size:.9rem;font-style:italic;color:#333;border-left:3px solid #bbb;padding-left:.6rem;margin:.3rem 0}\
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}table{border-collapse:collapse;width:100%;\
        margin:.5rem 0 1.5rem}th,td{border:1px solid #777;padding:.3rem .5rem;vertical-align:top;text-align:left}\
        th{background:#eee}footer.ledger{margin-top:2rem;border-top:1px solid #999;font-size:.8rem;color:#333;\
        overflow-wrap:anywhere}nav ul{list-style:none;padding-left:0}nav .level2{padding-left:1.5rem}\
        @media print{body{margin:0;max-width:none}.new-page{break-before:page}nav a{color:inherit;\
        text-decoration:none}tr,.item{break-inside:avoid}@page{size:A4;margin:2cm}}
        """
}

extension String {
    /// Line breaks inside a text kept as `<br>` in HTML.
    fileprivate func replacingNewlines() -> String {
        guard utf8.contains(0x0A) else { return self }
        return split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }
}
