import AccordCore

/// A document as format-neutral blocks: what the DOCX, HTML and Markdown writers each render their way.
///
/// The content is decided once, here, so the three formats can never disagree about what the plan says;
/// each writer only decides how it looks.
struct Outline {
    var languages: DocumentLanguages
    var blocks: [Block] = []
    /// The line printed at the foot of every page (of the file, where it has no pages): the ledger's anchor.
    var footer: Phrase?
    /// The line at the head of every printed page: the document's title and version (Word only; the
    /// page numbers are added beside it).
    var header: Phrase?
}

/// One block of a document.
enum Block {
    /// The document's title and the lines under it.
    case title(Phrase, subtitles: [Phrase])
    /// Where a table of contents goes (a field Word fills in; a list of links in HTML).
    case contents
    /// A heading of level 1–3, optionally starting a new page in print.
    case heading(level: Int, Phrase, anchor: String, newPage: Bool)
    /// A plan item that is not a heading of its own: an activity, with its details.
    case item(Entry)
    /// Label and value pairs under a heading: a line of action's or an area's lead, timeline and status.
    case details([(label: Phrase, value: Phrase)])
    /// A plain paragraph.
    case paragraph(Phrase)
    /// A note of the Secretariat's, set apart and labelled so that it is never read as agreed text.
    case note(Phrase)
    /// A table with a header row.
    case table(header: [Phrase], rows: [[Phrase]])
}

/// An item of the plan as a document shows it.
struct Entry {
    var number: String
    var title: Phrase
    var text: Phrase?
    /// A note beside the agreed text, shown apart from it.
    var note: Phrase? = nil
    /// Label and value pairs: lead, timeline, status, approving decision.
    var details: [(label: Phrase, value: Phrase)]
    /// Whether the item is archived and shown only to place the items under it.
    var isContext: Bool
    /// How far the item is set in: 1 for a sub-paragraph ("1.a") under its paragraph.
    var depth: Int = 0
    /// The item's anchor where its number is not unique in the document ("a)" under several paragraphs).
    var anchor: String? = nil
}

/// Text in each of a document's languages.
struct Phrase {
    var pieces: [Piece]

    /// The text in one language; `missing` names the original's language where the translation is missing
    /// and the original stands in for it.
    struct Piece {
        var language: Language
        var text: String
        var missing: Language?
    }

    init(pieces: [Piece]) { self.pieces = pieces }

    /// `text` in each of `languages`, the original standing in (and marked) where a translation is missing.
    init(_ text: LocalizedText, _ languages: DocumentLanguages) {
        pieces = languages.languages.map { language in
            if let translated = text[language], !translated.isEmpty {
                return Piece(language: language, text: translated, missing: nil)
            }
            return Piece(language: language, text: text.original, missing: text.authoritative)
        }
    }

    /// A word of the document's own in each of `languages`.
    init(_ word: Words, _ languages: DocumentLanguages) {
        pieces = languages.languages.map { Piece(language: $0, text: word($0), missing: nil) }
    }

    /// Text that reads the same in every language (numbers, codes, dates), built per language by `make`.
    init(_ languages: DocumentLanguages, _ make: (Language) -> String) {
        pieces = languages.languages.map { Piece(language: $0, text: make($0), missing: nil) }
    }

    /// The mark shown after a piece whose translation is missing, in that piece's language.
    static func missingMark(for piece: Piece) -> String? {
        piece.missing.map { "[\(Words.translationMissing(piece.language)) \(Words.name(of: $0, in: piece.language))]" }
    }

    /// A note with its label in front in each language: "Note (not part of the agreed text): …".
    var asNote: Phrase {
        Phrase(
            pieces: pieces.map {
                Piece(language: $0.language, text: "\(Words.note($0.language)): \($0.text)", missing: $0.missing)
            })
    }

    /// The pieces joined for places with room for one line, such as a heading: "texto / text".
    var joined: String {
        pieces.map { piece in
            Phrase.missingMark(for: piece).map { "\(piece.text) \($0)" } ?? piece.text
        }.joined(separator: " / ")
    }
}
