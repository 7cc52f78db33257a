import AccordCore

/// WordprocessingML written straight into bytes.
///
/// A 2,000-activity plan is some ten thousand paragraphs; appending UTF-8 to one buffer, escaping as it
/// goes, keeps the whole document to a few milliseconds where an XML tree would take hundreds.
struct WordBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends markup as it is.
    mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Appends `text` escaped for XML, as every document Accord writes escapes it (`Markup.escape`).
    mutating func escaped(_ text: String) { Markup.escape(text, into: &bytes) }

    /// A run of `text` in `language`; line breaks inside the text become `<w:br/>`.
    mutating func run(_ text: String, language: Language, bold: Bool = false, style: String? = nil) {
        raw("<w:r><w:rPr>")
        if let style { raw("<w:rStyle w:val=\"\(style)\"/>") }
        if bold { raw("<w:b/>") }
        raw("<w:lang w:val=\"\(language.rawValue)\"/></w:rPr>")
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { raw("<w:br/>") }
            first = false
            raw("<w:t xml:space=\"preserve\">")
            escaped(String(line))
            raw("</w:t>")
        }
        raw("</w:r>")
    }

    /// The runs of one piece of a phrase, with the missing-translation mark after it where there is one.
    mutating func runs(_ piece: Phrase.Piece, bold: Bool = false) {
        run(piece.text, language: piece.missing ?? piece.language, bold: bold)
        if let mark = Phrase.missingMark(for: piece) {
            run(" " + mark, language: piece.language, style: "Missing")
        }
    }

    /// All of a phrase's pieces in one paragraph, separated by " / ".
    mutating func runs(_ phrase: Phrase, bold: Bool = false) {
        for (index, piece) in phrase.pieces.enumerated() {
            if index > 0 { run(" / ", language: piece.language, bold: bold) }
            runs(piece, bold: bold)
        }
    }

    /// A paragraph of `style` holding whatever `content` appends.
    /// `indent` sets it in from the left margin, in twentieths of a point.
    mutating func paragraph(
        style: String? = nil, pageBreak: Bool = false, indent: Int? = nil, _ content: (inout WordBuffer) -> Void
    ) {
        raw("<w:p>")
        if style != nil || pageBreak || indent != nil {
            raw("<w:pPr>")
            if let style { raw("<w:pStyle w:val=\"\(style)\"/>") }
            if pageBreak { raw("<w:pageBreakBefore/>") }
            if let indent { raw("<w:ind w:left=\"\(indent)\"/>") }
            raw("</w:pPr>")
        }
        content(&self)
        raw("</w:p>")
    }
}
