import AccordCore
import Foundation

/// A meeting's agenda as a document: the items in order, with purpose, reference and lead.
public struct AgendaDocument: Sendable {
    public var state: ProcessState
    public var meeting: Meeting
    /// The agenda to print: the one the Secretariat set, or one the record suggests.
    public var agenda: Agenda
    public var languages: DocumentLanguages
    public var generatedOn: PartialDate
    /// The checkpoint (or ledger position and hash) printed in the footer.
    public var anchor: LedgerAnchor?

    public init(
        state: ProcessState, meeting: Meeting, agenda: Agenda, languages: DocumentLanguages, generatedOn: PartialDate,
        anchor: LedgerAnchor? = nil
    ) {
        self.state = state
        self.meeting = meeting
        self.agenda = agenda
        self.languages = languages
        self.generatedOn = generatedOn
        self.anchor = anchor
    }

    /// The agenda as a Word file.
    public func docx() throws -> Data { try outline.docx() }

    /// The agenda as print-ready HTML.
    public func html() -> String { outline.html }

    /// The agenda as Markdown.
    public func markdown() -> String { outline.markdown }

    var outline: Outline {
        let plan = PlanDocument(state: state, edition: nil, languages: languages, generatedOn: generatedOn)
        var outline = Outline(
            languages: languages, footer: anchor?.phrase(languages),
            header: MeetingHeading.title(.agenda, meeting, languages))
        let status: Words = agenda.status == .approved ? .approvedAgenda : .draftAgenda
        outline.blocks.append(
            .title(
                MeetingHeading.title(.agenda, meeting, languages),
                subtitles: MeetingHeading.subtitles(meeting, in: state, languages, generatedOn: generatedOn)
                    + [Phrase(status, languages)]))
        MeetingHeading.attendance(meeting, in: state, languages, to: &outline)
        let header = [Words.item, .purpose, .reference, .lead].map { Phrase($0, languages) }
        let rows = agenda.items.enumerated().map { index, entry -> [Phrase] in
            [
                MeetingHeading.join(Phrase(languages) { _ in "\(index + 1)." }, Phrase(entry.title, languages)),
                Phrase(languages) { Words.purpose(entry.purpose, $0) },
                Phrase(languages) { _ in entry.reference ?? "" },
                entry.leads.isEmpty ? Phrase(languages) { _ in "" } : plan.leads(entry.leads),
            ]
        }
        outline.blocks.append(.table(header: header, rows: rows))
        return outline
    }
}

/// A meeting's conclusions as a document: its decision paragraphs in order, with their kind and how
/// consensus was reached.
public struct ConclusionsDocument: Sendable {
    public var state: ProcessState
    public var meeting: Meeting
    public var languages: DocumentLanguages
    public var generatedOn: PartialDate
    /// The checkpoint (or ledger position and hash) printed in the footer.
    public var anchor: LedgerAnchor?

    public init(
        state: ProcessState, meeting: Meeting, languages: DocumentLanguages, generatedOn: PartialDate,
        anchor: LedgerAnchor? = nil
    ) {
        self.state = state
        self.meeting = meeting
        self.languages = languages
        self.generatedOn = generatedOn
        self.anchor = anchor
    }

    /// The conclusions as a Word file.
    public func docx() throws -> Data { try outline.docx() }

    /// The conclusions as print-ready HTML.
    public func html() -> String { outline.html }

    /// The conclusions as Markdown.
    public func markdown() -> String { outline.markdown }

    var outline: Outline {
        var outline = Outline(
            languages: languages, footer: anchor?.phrase(languages),
            header: MeetingHeading.title(.conclusions, meeting, languages))
        outline.blocks.append(
            .title(
                MeetingHeading.title(.conclusions, meeting, languages),
                subtitles: MeetingHeading.subtitles(meeting, in: state, languages, generatedOn: generatedOn)))
        MeetingHeading.attendance(meeting, in: state, languages, to: &outline)
        let decisions = state.decisions.values.filter { $0.meeting == meeting.id }
            .sorted { Self.paragraphOrder($0.paragraph).lexicographicallyPrecedes(Self.paragraphOrder($1.paragraph)) }
        if decisions.isEmpty { outline.blocks.append(.paragraph(Phrase(.noDecisions, languages))) }
        for decision in decisions {
            // The kind of each paragraph is the record's business, not the text's: no "Kind: conclusion" line.
            var details: [(label: Phrase, value: Phrase)] = []
            if let adoption = decision.adoption {
                details.append((Phrase(.consensus, languages), consensus(adoption)))
            }
            let (number, depth) = Self.paragraphNumber(decision.paragraph, languages.primary)
            outline.blocks.append(
                .item(
                    Entry(
                        number: number, title: Phrase(decision.text, languages), text: nil,
                        note: decision.note.map { Phrase($0, languages) }, details: details, isContext: false,
                        depth: depth, anchor: "p\(decision.paragraph)")))
        }
        return outline
    }

    /// A paragraph's number as the language writes it, and how far it is set in: "1." for paragraph 1;
    /// "a)" (Spanish, French) or "(a)" (English) for sub-paragraph "1.a"; "1.2." for a numbered sub-paragraph.
    public static func paragraphNumber(_ paragraph: String, _ language: Language) -> (String, depth: Int) {
        let parts = paragraph.split(separator: ".")
        guard parts.count > 1, let last = parts.last, last.allSatisfy(\.isLetter) else {
            return (paragraph.hasSuffix(".") ? paragraph : paragraph + ".", max(0, parts.count - 1))
        }
        return (language == .en ? "(\(last))" : "\(last))", parts.count - 1)
    }

    /// "Adopted by consensus of CAN, CRI, …; reservations: …", or why consensus was not reached.
    private func consensus(_ adoption: Consensus) -> Phrase {
        Phrase(languages) { language in
            var parts = ["\(Words.adoptedBy(language)) \(adoption.joining.map(\.rawValue).joined(separator: ", "))"]
            if !adoption.isReached { parts = [Words.notReached(language)] }
            if !adoption.reserving.isEmpty {
                parts.append(
                    "\(Words.reservations(language)): \(adoption.reserving.map(\.rawValue).joined(separator: ", "))")
            }
            if !adoption.objecting.isEmpty {
                parts.append(
                    "\(Words.objections(language)): \(adoption.objecting.map(\.rawValue).joined(separator: ", "))")
            }
            return parts.joined(separator: "; ")
        }
    }

    /// Paragraph "2.b" after "2" and before "10": numbers compared as numbers, letters as letters.
    static func paragraphOrder(_ paragraph: String) -> [String] {
        paragraph.split(separator: ".").map { part in
            part.allSatisfy { $0.isASCII && $0.isNumber }
                ? String(repeating: "0", count: max(0, 8 - part.count)) + part : String(part)
        }
    }
}

/// The title lines every meeting document shares.
enum MeetingHeading {
    static func title(_ word: Words, _ meeting: Meeting, _ languages: DocumentLanguages) -> Phrase {
        join(Phrase(languages) { "\(word($0)):" }, Phrase(meeting.title, languages))
    }

    static func subtitles(
        _ meeting: Meeting, in state: ProcessState, _ languages: DocumentLanguages, generatedOn: PartialDate
    ) -> [Phrase] {
        var lines: [Phrase] = []
        if let start = meeting.start {
            lines.append(Phrase(languages) { "\(Words.dates($0)): \(start.written(through: meeting.end, in: $0))" })
        }
        if let place = meeting.place {
            lines.append(join(Phrase(languages) { "\(Words.place($0)):" }, Phrase(place, languages)))
        }
        lines.append(Phrase(languages) { "\(Words.generatedOn($0)) \(generatedOn.written(in: $0))" })
        return lines
    }

    /// The participants who attended, by name in alphabetical order, under their own heading; nothing where
    /// no attendance is recorded (an agenda sent out before the meeting).
    static func attendance(
        _ meeting: Meeting, in state: ProcessState, _ languages: DocumentLanguages, to outline: inout Outline
    ) {
        guard !meeting.attendance.isEmpty else { return }
        outline.blocks.append(.heading(level: 2, Phrase(.attendance, languages), anchor: "attendance", newPage: false))
        outline.blocks.append(
            .paragraph(
                Phrase(languages) { language in
                    meeting.attendance.map { state.participants[$0]?.name.text(in: language) ?? $0.rawValue }
                        .sorted {
                            $0.compare($1, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending
                        }
                        .joined(separator: "; ") + "."
                }))
    }

    static func join(_ first: Phrase, _ second: Phrase) -> Phrase {
        Phrase(
            pieces: zip(first.pieces, second.pieces).map {
                Phrase.Piece(language: $0.language, text: "\($0.text) \($1.text)", missing: $0.missing ?? $1.missing)
            })
    }
}
