import AccordCore

/// The Plan of Action as an official document: the current version, the network workplans annexed to it
/// and the archive version, at an edition or in its working state, in one language or two side by side.
///
/// Built from the record only (the state at the edition's ledger position, or now), so the document is
/// never typed by hand and always says what the ledger says.
public struct PlanDocument: Sendable {
    /// The record the document shows.
    public var state: ProcessState
    /// The edition shown, or nil for the working version at `state.sequence`.
    public var edition: Edition?
    public var languages: DocumentLanguages
    /// The day the document is generated, printed on its title page.
    public var generatedOn: PartialDate
    /// The checkpoint (or ledger position and hash) printed in the footer.
    public var anchor: LedgerAnchor?

    public init(
        state: ProcessState, edition: Edition?, languages: DocumentLanguages, generatedOn: PartialDate,
        anchor: LedgerAnchor? = nil
    ) {
        self.state = state
        self.edition = edition
        self.languages = languages
        self.generatedOn = generatedOn
        self.anchor = anchor
    }

    /// The document as blocks, which the writers render.
    var outline: Outline {
        var outline = Outline(languages: languages, footer: anchor?.phrase(languages), header: runningHeader)
        let items = Array(state.items.values)
        outline.blocks.append(.title(title, subtitles: subtitles))
        outline.blocks.append(.contents)

        outline.blocks.append(
            .heading(level: 1, Phrase(.currentVersion, languages), anchor: "current", newPage: true))
        add(Plan.view(.current, of: items, asOf: state.sequence).nodes, to: &outline, depth: 2)

        outline.blocks.append(.heading(level: 1, Phrase(.annexes, languages), anchor: "annexes", newPage: true))
        let annexes = Plan.annexes(Array(state.workplans.values), items: items)
        if annexes.isEmpty { outline.blocks.append(.paragraph(Phrase(.noItems, languages))) }
        for annex in annexes {
            let heading = Phrase(languages) { _ in annex.workplan.id.rawValue }
            outline.blocks.append(
                .heading(
                    level: 2, joined(heading, Phrase(annex.workplan.title, languages)),
                    anchor: "annex-\(annex.workplan.id.rawValue)", newPage: false))
            outline.blocks.append(workplanTable(annex))
        }

        outline.blocks.append(
            .heading(level: 1, Phrase(.archiveVersion, languages), anchor: "archive", newPage: true))
        let archive = Plan.view(.archive, of: items, asOf: state.sequence).nodes
        if archive.isEmpty { outline.blocks.append(.paragraph(Phrase(.noItems, languages))) }
        add(archive, to: &outline, depth: 2)
        return outline
    }

    private var title: Phrase {
        let process = state.process.map { Phrase($0.name, languages) }
        let plan = Phrase(.planOfAction, languages)
        guard let process else { return plan }
        return Phrase(
            pieces: zip(process.pieces, plan.pieces).map { name, word in
                Phrase.Piece(language: word.language, text: "\(name.text): \(word.text)", missing: name.missing)
            })
    }

    /// "Plan of Action — Edition 3" or "Plan of Action — Working version, not approved", on every page.
    private var runningHeader: Phrase {
        let version =
            edition.map { edition in Phrase(languages) { "\(Words.edition($0)) \(edition.number)" } }
            ?? Phrase(.workingVersionNotApproved, languages)
        return joined(Phrase(.planOfAction, languages), version, separator: " — ")
    }

    /// The cover's lines: the edition and what approved it, or that this is a working version not approved,
    /// then the day the document was generated. Never a ledger position: that is the footer's business.
    private var subtitles: [Phrase] {
        var lines: [Phrase] = []
        if let edition {
            let number = Phrase(languages) { "\(Words.edition($0)) \(edition.number)" }
            let date = Phrase(languages) { ", \(edition.date.written(in: $0))" }
            lines.append(
                joined(joined(number, Phrase(edition.title, languages), separator: " — "), date, separator: ""))
            lines.append(approval(of: edition))
        } else {
            lines.append(Phrase(.workingVersionNotApproved, languages))
        }
        lines.append(Phrase(languages) { "\(Words.generatedOn($0)) \(generatedOn.written(in: $0))" })
        return lines
    }

    /// "Approved in paragraph 12 of: XXIX Regional Conference (28–29 January 2024)", the meeting named where
    /// the record at the edition holds the approving decision, the decision's reference where it does not.
    private func approval(of edition: Edition) -> Phrase {
        guard edition.isPublished, let id = edition.approvedBy else {
            return Phrase(.editionAwaitingApproval, languages)
        }
        guard let decision = state.decisions[id], let meeting = state.meetings[decision.meeting] else {
            return Phrase(languages) { "\(Words.approvedByDecision($0)) \(id.rawValue)" }
        }
        let paragraph = Phrase(languages) { "\(Words.approvedByParagraph($0)) \(decision.paragraph) —" }
        let held = Phrase(languages) { language in
            meeting.start.map { " (\($0.written(through: meeting.end, in: language)))" } ?? ""
        }
        return joined(joined(paragraph, Phrase(meeting.title, languages)), held, separator: "")
    }

    /// Lines of action and areas become headings; activities become entries under them.
    private func add(_ nodes: [PlanNode], to outline: inout Outline, depth: Int) {
        for node in nodes {
            let item = node.item
            if item.kind == .activity || depth > 3 {
                outline.blocks.append(.item(entry(for: item, isContext: node.isContext)))
            } else {
                let number = Phrase(languages) { _ in item.number.rawValue }
                outline.blocks.append(
                    .heading(
                        level: depth, joined(number, Phrase(item.title, languages)), anchor: item.number.rawValue,
                        newPage: false))
                let details = entry(for: item, isContext: node.isContext)
                if let text = details.text { outline.blocks.append(.paragraph(text)) }
                if let note = details.note { outline.blocks.append(.note(note)) }
                if node.isContext || !item.leads.isEmpty || item.timeline != nil {
                    outline.blocks.append(.details(details.details))
                }
            }
            add(node.children, to: &outline, depth: depth + 1)
        }
    }

    func entry(for item: PlanItem, isContext: Bool) -> Entry {
        var details: [(Phrase, Phrase)] = []
        if !item.leads.isEmpty { details.append((Phrase(.lead, languages), leads(item.leads))) }
        if let timeline = item.timeline, let phrase = self.timeline(timeline) {
            details.append((Phrase(.timeline, languages), phrase))
        }
        details.append(
            (
                Phrase(.status, languages),
                Phrase(languages) { language in
                    Words.status(item.status, language)
                        + (isContext ? " (\(Words.shownForContext(language)))" : "")
                }
            ))
        if let decision = item.approvedBy {
            details.append((Phrase(.approvedBy, languages), Phrase(languages) { _ in decision.rawValue }))
        }
        return Entry(
            number: item.number.rawValue, title: Phrase(item.title, languages),
            text: item.text.map { Phrase($0, languages) }, note: item.note.map { Phrase($0, languages) },
            details: details, isContext: isContext)
    }

    /// The leads by name ("Mexico; Technical Secretariat"), their codes where a participant is unknown.
    func leads(_ leads: [Lead]) -> Phrase {
        Phrase(languages) { language in
            leads.map { lead in
                switch lead {
                case .secretariat:
                    language == .en
                        ? "Technical Secretariat"
                        : language == .es
                            ? "Secretaría Técnica"
                            : "Secrétariat technique"
                case .participant(let id):
                    state.participants[id]?.name.text(in: language) ?? id.rawValue
                }
            }.joined(separator: "; ")
        }
    }

    /// The agreed wording of a timeline, with its target date where there is one.
    func timeline(_ timeline: Timeline) -> Phrase? {
        let wording = timeline.text.map { Phrase($0, languages) }
        guard let target = timeline.target else { return wording }
        let date = Phrase(languages) { "\(Words.target($0)) \(target.written(in: $0))" }
        guard let wording else { return date }
        return Phrase(
            pieces: zip(wording.pieces, date.pieces).map { text, date in
                Phrase.Piece(language: text.language, text: "\(text.text) (\(date.text))", missing: text.missing)
            })
    }

    /// A workplan as its annex table: area of activity / specific action / lead / timeline.
    private func workplanTable(_ annex: Annex) -> Block {
        let header = [Words.areaOfActivity, .specificAction, .lead, .timeline].map { Phrase($0, languages) }
        var rows: [[Phrase]] = []
        let none = Phrase(languages) { _ in "" }
        func row(_ area: PlanItem?, _ action: PlanItem?) -> [Phrase] {
            let subject = action ?? area
            return [
                area.map { numbered($0) } ?? none, action.map { numbered($0) } ?? none,
                subject.map { leads($0.leads) } ?? none,
                subject?.timeline.flatMap(timeline) ?? none,
            ]
        }
        for node in annex.nodes {
            if node.children.isEmpty {
                rows.append(row(node.item, nil))
            }
            for (index, child) in node.children.enumerated() {
                rows.append(row(index == 0 ? node.item : nil, child.item))
            }
        }
        return .table(header: header, rows: rows)
    }

    private func numbered(_ item: PlanItem) -> Phrase {
        joined(Phrase(languages) { _ in item.number.rawValue }, Phrase(item.title, languages))
    }

    private func joined(_ first: Phrase, _ second: Phrase, separator: String = " ") -> Phrase {
        Phrase(
            pieces: zip(first.pieces, second.pieces).map { first, second in
                Phrase.Piece(
                    language: first.language, text: first.text + separator + second.text,
                    missing: first.missing ?? second.missing)
            })
    }
}
