import AccordCore
import AccordDocuments
import AccordServices

/// A paragraph's sub-paragraphs as the Secretariat types them from an outcome document: one a line, lettered
/// in order ("3.a", "3.b"…; "3.b.i", "3.b.ii"… under a sub-paragraph), or with the label the document gives
/// ("c) …", "(c) …"), which is kept. Each becomes its own decision paragraph, as the documents number them.
enum SubParagraphs {
    /// One sub-paragraph: its full number ("3.a") and its text.
    struct Line: Equatable {
        var paragraph: String
        var text: String
    }

    /// The sub-paragraphs written in `text` under `paragraph`, refused by `field` when a label repeats.
    static func read(_ text: String?, under paragraph: String, field: String) throws -> [Line] {
        let lines = FormBody.trimmed(text).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let roman = paragraph.contains(".")
        var seen: Set<String> = []
        return try lines.enumerated().map { index, line in
            var (label, rest) = written(line)
            if label == nil {
                label = roman ? romans[safe: index] : letters(index)
                rest = line
            }
            guard let label, seen.insert(label).inserted else {
                throw AuthError.invalid(
                    field: field, reason: "sub-paragraph \(index + 1) of \(paragraph) repeats a label, or is past xx")
            }
            return Line(paragraph: "\(paragraph).\(label)", text: rest)
        }
    }

    /// How a paragraph is shown where its document shows it: "3", or "3 a)" (Spanish, French) and "3 (a)"
    /// (English) for sub-paragraph "3.a" — the label the conclusions document gives it, after its paragraph.
    static func label(_ paragraph: String, _ language: Language) -> String {
        let (number, depth) = ConclusionsDocument.paragraphNumber(paragraph, language)
        guard depth > 0, let dot = paragraph.lastIndex(of: ".") else { return paragraph }
        return "\(paragraph[..<dot]) \(number)"
    }

    /// A label the line begins with, "c) " or "(c) ", and the text after it.
    private static func written(_ line: String) -> (String?, String) {
        var rest = Substring(line)
        if rest.first == "(" { rest = rest.dropFirst() }
        let label = rest.prefix { $0.isASCII && $0.isLowercase }
        rest = rest.dropFirst(label.count)
        guard !label.isEmpty, label.count <= 6, rest.first == ")", rest.dropFirst().first?.isWhitespace == true
        else { return (nil, line) }
        return (String(label), rest.dropFirst().trimmingCharacters(in: .whitespaces))
    }

    /// "a" … "z", then "aa", "bb"…
    private static func letters(_ index: Int) -> String {
        let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
        return String(repeating: letter, count: index / 26 + 1)
    }

    private static let romans = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
        "xviii", "xix", "xx",
    ]
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
