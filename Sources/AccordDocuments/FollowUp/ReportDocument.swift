import AccordCore
import Foundation

/// A national (or coordinator's) report as a document for the review group: the mandate's text first, then
/// what the country did, section by section, its indicators, and the events it cites.
public struct ReportDocument: Sendable {
    public var state: ProcessState
    public var report: NationalReport
    public var languages: DocumentLanguages
    public var generatedOn: PartialDate
    /// The checkpoint (or ledger position and hash) printed in the footer.
    public var anchor: LedgerAnchor?

    public init(
        state: ProcessState, report: NationalReport, languages: DocumentLanguages, generatedOn: PartialDate,
        anchor: LedgerAnchor? = nil
    ) {
        self.state = state
        self.report = report
        self.languages = languages
        self.generatedOn = generatedOn
        self.anchor = anchor
    }

    /// The report as a Word file.
    public func docx() throws -> Data { try outline.docx() }

    /// The report as print-ready HTML.
    public func html() -> String { outline.html }

    /// The report as Markdown.
    public func markdown() -> String { outline.markdown }

    var outline: Outline {
        let layout = ReportLayout(state: state, languages: languages)
        let title = layout.title(of: report)
        var outline = Outline(languages: languages, footer: anchor?.phrase(languages), header: title)
        var subtitles = layout.cycleLines(report.cycle)
        subtitles.append(Phrase(languages) { "\(ReportWords.generatedOn($0)) \(generatedOn.written(in: $0))" })
        outline.blocks.append(.title(title, subtitles: subtitles))
        if let mandate = state.mandates[report.mandate] { layout.mandate(mandate, level: 1, to: &outline) }
        layout.body(of: report, level: 1, to: &outline)
        return outline
    }
}

/// Every report of one reporting cycle in one document, mandate by mandate, the coordinator's report first and
/// then each country's in code order: what the review meeting reads. It holds the reports of the state it is
/// given, so the public's compilation holds only published reports.
public struct CompilationDocument: Sendable {
    public var state: ProcessState
    public var cycle: ReportingCycle
    public var languages: DocumentLanguages
    public var generatedOn: PartialDate
    /// The checkpoint (or ledger position and hash) printed in the footer.
    public var anchor: LedgerAnchor?

    public init(
        state: ProcessState, cycle: ReportingCycle, languages: DocumentLanguages, generatedOn: PartialDate,
        anchor: LedgerAnchor? = nil
    ) {
        self.state = state
        self.cycle = cycle
        self.languages = languages
        self.generatedOn = generatedOn
        self.anchor = anchor
    }

    /// The compilation as a Word file.
    public func docx() throws -> Data { try outline.docx() }

    /// The compilation as print-ready HTML.
    public func html() -> String { outline.html }

    /// The compilation as Markdown (what the benchmark hands pandoc).
    public func markdown() -> String { outline.markdown }

    var outline: Outline {
        let layout = ReportLayout(state: state, languages: languages)
        let title = MeetingHeading.join(
            Phrase(languages) { ReportWords.compilation($0) + ReportWords.colon($0) }, Phrase(cycle.title, languages))
        var outline = Outline(languages: languages, footer: anchor?.phrase(languages), header: title)
        var subtitles = layout.cycleLines(cycle.id)
        subtitles.append(Phrase(languages) { "\(ReportWords.generatedOn($0)) \(generatedOn.written(in: $0))" })
        outline.blocks.append(.title(title, subtitles: subtitles))
        outline.blocks.append(.contents)
        // One pass over the reports, grouped by mandate; the coordinator's first, then countries by code.
        var byMandate: [MandateID: [NationalReport]] = [:]
        for report in state.reports.values where report.cycle == cycle.id {
            byMandate[report.mandate, default: []].append(report)
        }
        let mandates = state.mandates.values.filter { $0.plan == cycle.plan }.sorted { $0.id < $1.id }
        for mandate in mandates {
            layout.mandate(mandate, level: 1, to: &outline, newPage: true)
            let reports = (byMandate[mandate.id] ?? []).sorted {
                ($0.kind == .coordinator ? 0 : 1, $0.participant) < ($1.kind == .coordinator ? 0 : 1, $1.participant)
            }
            if reports.isEmpty {
                outline.blocks.append(.paragraph(Phrase(languages) { ReportWords.noReports($0) }))
            }
            for report in reports {
                outline.blocks.append(
                    .heading(
                        level: 2, layout.title(of: report), anchor: "\(mandate.id)-\(report.participant)",
                        newPage: false))
                layout.details(of: report, to: &outline)
                layout.body(of: report, level: 2, to: &outline)
            }
        }
        return outline
    }
}

/// The blocks a report and a mandate are laid out in, shared by the single report and the compilation.
struct ReportLayout {
    var state: ProcessState
    var languages: DocumentLanguages

    func name(_ participant: ParticipantID) -> Phrase {
        if let name = state.participants[participant]?.name { return Phrase(name, languages) }
        return Phrase(languages) { _ in participant.rawValue }
    }

    /// "National report: Canada", "Rapport du coordonnateur : États-Unis".
    func title(of report: NationalReport) -> Phrase {
        let word = report.kind == .coordinator ? ReportWords.coordinatorReport : ReportWords.nationalReport
        return MeetingHeading.join(Phrase(languages) { word($0) + ReportWords.colon($0) }, name(report.participant))
    }

    /// The plan and the cycle the reports answer, with the period and due date.
    func cycleLines(_ id: CycleID) -> [Phrase] {
        guard let cycle = state.cycles[id] else { return [] }
        var lines: [Phrase] = []
        if let plan = state.externalPlans[cycle.plan] { lines.append(Phrase(plan.title, languages)) }
        lines.append(
            MeetingHeading.join(
                Phrase(languages) { ReportWords.cycle($0) + ReportWords.colon($0) }, Phrase(cycle.title, languages)))
        if let start = cycle.periodStart {
            lines.append(
                Phrase(languages) { "\(ReportWords.period($0)): \(start.written(through: cycle.periodEnd, in: $0))" })
        }
        if let due = cycle.due {
            lines.append(Phrase(languages) { "\(ReportWords.due($0)): \(due.written(in: $0))" })
        }
        return lines
    }

    /// The mandate's heading (its paragraph and theme) and its text as the plan words it.
    func mandate(_ mandate: Mandate, level: Int, to outline: inout Outline, newPage: Bool = false) {
        let heading = Phrase(languages) { language in
            var words = "\(ReportWords.mandate(language)) \(mandate.paragraph ?? mandate.id.rawValue)"
            if let theme = mandate.theme { words += " — " + (theme[language] ?? theme.original) }
            return words
        }
        outline.blocks.append(.heading(level: level, heading, anchor: mandate.id.rawValue, newPage: newPage))
        outline.blocks.append(.paragraph(Phrase(mandate.text, languages)))
        var details: [(label: Phrase, value: Phrase)] = []
        if let coordinator = mandate.coordinator {
            details.append((Phrase(languages) { ReportWords.coordinator($0) }, name(coordinator)))
        }
        if !mandate.coCoordinators.isEmpty {
            let names = mandate.coCoordinators.map(name)
            details.append(
                (
                    Phrase(languages) { ReportWords.coCoordinators($0) },
                    Phrase(languages) { language in
                        names.compactMap { $0.pieces.first { $0.language == language }?.text }.joined(separator: ", ")
                    }
                ))
        }
        if !details.isEmpty { outline.blocks.append(.details(details)) }
    }

    /// The report's status, revision, submission date (flagged when late) and who put it on record.
    func details(of report: NationalReport, to outline: inout Outline) {
        let late = state.cycles[report.cycle]?.isLate(report.submitted) ?? false
        var details: [(label: Phrase, value: Phrase)] = [
            (
                Phrase(languages) { ReportWords.status($0) },
                Phrase(languages) {
                    "\(ReportWords.status(report.status, $0)), \(ReportWords.revision($0)) \(report.revision)"
                }
            )
        ]
        if let submitted = report.submitted {
            details.append(
                (
                    Phrase(languages) { ReportWords.submitted($0) },
                    Phrase(languages) { submitted.written(in: $0) + (late ? " (\(ReportWords.late($0)))" : "") }
                ))
        }
        if report.recordedBy == .secretariat {
            details.append(
                (Phrase(languages) { ReportWords.recordedBy($0) }, Phrase(languages) { ReportWords.onBehalf($0) }))
        }
        outline.blocks.append(.details(details))
    }

    /// What the country did: the sections it wrote, its indicators, the events it cites and its links.
    func body(of report: NationalReport, level: Int, to outline: inout Outline) {
        if level == 1 {
            outline.blocks.append(
                .heading(level: 1, Phrase(languages) { ReportWords.whatWasDone($0) }, anchor: "report", newPage: false))
            details(of: report, to: &outline)
        }
        for (name, text) in report.sections.texts {
            guard let text else { continue }
            outline.blocks.append(
                .heading(
                    level: level + 1, Phrase(languages) { ReportWords.section(name, $0) },
                    anchor: "\(report.id)-\(name)", newPage: false))
            outline.blocks.append(.paragraph(Phrase(text, languages)))
        }
        if !report.indicators.isEmpty {
            outline.blocks.append(
                .heading(
                    level: level + 1, Phrase(languages) { ReportWords.indicators($0) },
                    anchor: "\(report.id)-indicators", newPage: false))
            let header = [ReportWords.indicator, .unit, .baseline, .target, .actual].map { word in
                Phrase(languages) { word($0) }
            }
            let rows = report.indicators.map { indicator -> [Phrase] in
                [
                    Phrase(indicator.name, languages), Phrase(languages) { _ in indicator.unit ?? "" },
                    Phrase(languages) { _ in indicator.baseline ?? "" },
                    Phrase(languages) { _ in indicator.target ?? "" },
                    Phrase(languages) { _ in indicator.actual ?? "" },
                ]
            }
            outline.blocks.append(.table(header: header, rows: rows))
        }
        let events = report.events.compactMap { state.events[$0] }
        if !events.isEmpty {
            outline.blocks.append(
                .heading(
                    level: level + 1, Phrase(languages) { ReportWords.eventsCited($0) },
                    anchor: "\(report.id)-events", newPage: false))
            for event in events { outline.blocks.append(.paragraph(self.event(event))) }
        }
        if !report.sections.links.isEmpty {
            outline.blocks.append(
                .heading(
                    level: level + 1, Phrase(languages) { ReportWords.section("links", $0) },
                    anchor: "\(report.id)-links", newPage: false))
            for link in report.sections.links { outline.blocks.append(.paragraph(Phrase(languages) { _ in link })) }
        }
    }

    /// "Workshop: title. Santiago, Chile, June 2000. Organized by IOM; under the auspices of United States."
    func event(_ event: Event) -> Phrase {
        let title = Phrase(event.title, languages)
        let place = event.place.map { Phrase($0, languages) }
        return Phrase(
            pieces: title.pieces.enumerated().map { index, piece in
                let language = piece.language
                let kind = ReportWords.kind(event.kind, language)
                var text = "\(kind.prefix(1).uppercased() + kind.dropFirst()): \(piece.text)"
                if let place = place?.pieces[index].text { text += ". \(place)" }
                if let start = event.start { text += ", \(start.written(through: event.end, in: language))" }
                let organizers = event.organizers.map { organizer in
                    // The name the source gives comes first; a participant's own name where it gives none.
                    let who =
                        organizer.name.map { $0[language] ?? $0.original }
                        ?? organizer.participant.map { name($0).pieces[index].text } ?? ""
                    return "\(ReportWords.role(organizer.role, language)) \(who)"
                }
                if !organizers.isEmpty {
                    let list = organizers.joined(separator: "; ")
                    text += ". " + list.prefix(1).uppercased() + list.dropFirst()
                }
                return Phrase.Piece(language: language, text: text + ".", missing: piece.missing)
            })
    }
}
