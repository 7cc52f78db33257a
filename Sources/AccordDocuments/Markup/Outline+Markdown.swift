/// Markdown: headings, paragraphs and pipe tables, every piece of text escaped so that a title can never
/// turn into markup.
extension Outline {
    var markdown: String {
        var out = ""
        out.reserveCapacity(blocks.count * 160)
        let headings = blocks.compactMap { block -> (Int, Phrase)? in
            if case .heading(let level, let phrase, _, _) = block, level <= 2 { return (level, phrase) }
            return nil
        }
        for block in blocks {
            switch block {
            case .title(let title, let subtitles):
                out += "# \(Self.inline(title))\n\n"
                for line in subtitles { out += "\(Self.inline(line))  \n" }
                out += "\n"
            case .contents:
                out += "**\(Self.escaped(Words.contents(languages.primary)))**\n\n"
                for (level, phrase) in headings {
                    out += String(repeating: "  ", count: level - 1) + "- \(Self.inline(phrase))\n"
                }
                out += "\n"
            case .heading(let level, let phrase, _, _):
                out += String(repeating: "#", count: level + 1) + " \(Self.inline(phrase))\n\n"
            case .item(let entry):
                out += "**\(Self.escaped(entry.number))** \(Self.inline(entry.title))\n\n"
                if let text = entry.text { out += "\(Self.inline(text))\n\n" }
                if let note = entry.note { out += "> *\(Self.inline(note.asNote))*\n\n" }
                out += Self.details(entry.details)
            case .details(let details):
                out += Self.details(details)
            case .paragraph(let phrase):
                out += "\(Self.inline(phrase))\n\n"
            case .note(let phrase):
                out += "> *\(Self.inline(phrase.asNote))*\n\n"
            case .table(let header, let rows):
                out += "| " + header.map(Self.inline).joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: " --- |", count: header.count) + "\n"
                for row in rows { out += "| " + row.map(Self.inline).joined(separator: " | ") + " |\n" }
                out += "\n"
            }
        }
        if let footer { out += "---\n\n*\(Self.inline(footer))*\n" }
        return out
    }

    private static func details(_ details: [(label: Phrase, value: Phrase)]) -> String {
        guard !details.isEmpty else { return "" }
        return details.map { "- *\(inline($0.label))*: \(inline($0.value))" }.joined(separator: "\n") + "\n\n"
    }

    /// A phrase on one line: its languages joined, each missing translation marked.
    private static func inline(_ phrase: Phrase) -> String {
        phrase.pieces.map { piece in
            let text = escaped(piece.text)
            return Phrase.missingMark(for: piece).map { "\(text) *\(escaped($0))*" } ?? text
        }.joined(separator: " / ")
    }

    /// `text` with Markdown's special characters escaped and line breaks kept inside the line.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "{", "}", "!":
                out.append("\\")
                out.append(character)
            case "\n", "\r\n", "\r":
                out += "<br>"
            default:
                out.append(character)
            }
        }
        return out
    }
}
