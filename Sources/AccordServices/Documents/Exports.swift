import AccordCore
import AccordDocuments
import AccordStore
import Foundation

/// A file ready to be written or downloaded.
public struct ExportFile: Sendable {
    public var bytes: Data
    public var contentType: String
    /// The file name's extension, without the dot.
    public var fileExtension: String
}

/// The formats the Plan of Action document comes in.
public enum PlanFormat: String, Sendable, CaseIterable {
    case docx, html, md, csv, pdf
}

/// The exports and the import, shared by the CLI and the API so that both give the same bytes: each reads
/// the record as the principal may see it (`RecordService`) and hands it to the pure writers of
/// AccordDocuments, so no document holds more than its reader may read.
public enum Exports {
    /// The plan at `edition` (the working version when nil) in `format`.
    ///
    /// - Throws: `ChangeError.unknownReference` for an edition not published; `PDFConversion.Failure` when a
    ///   PDF is asked for and LibreOffice cannot make it.
    public static func plan(
        from record: RecordService, for principal: Principal?, format: PlanFormat, languages: DocumentLanguages,
        edition: Int?, today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(at: edition.map(PlanPoint.edition) ?? .head, for: principal)
        var published: Edition?
        if let edition { published = try await record.state(for: principal).editions[edition] }
        let document = PlanDocument(
            state: state, edition: published, languages: languages, generatedOn: today,
            anchor: try await record.anchor(at: state.sequence))
        if format == .csv {
            return ExportFile(
                bytes: Data(PlanCSV.export(state).utf8), contentType: "text/csv; charset=utf-8", fileExtension: "csv")
        }
        return try await file(format.rawValue, docx: document.docx, html: document.html, markdown: document.markdown)
    }

    /// A meeting's agenda as DOCX: for the working side as the Secretariat set it or as the record suggests it;
    /// for everyone else only once the Presidency has approved it.
    ///
    /// - Throws: `ChangeError.unknownReference` for a meeting not recorded; `NotFound` for an agenda not approved
    ///   yet, to a principal outside the working side.
    public static func agenda(
        from record: RecordService, for principal: Principal?, meeting id: MeetingID, languages: DocumentLanguages,
        today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        let meeting = try self.meeting(id, in: state)
        let agenda: Agenda
        if let stored = state.agendas[id] {
            agenda = stored
        } else if Policy(principal: principal).seesWorkingState {
            agenda = Agenda.suggested(for: id, in: state, today: today) ?? Agenda(meeting: id, items: [])
        } else {
            throw NotFound(field: "meeting", "no agenda of \(id) is published; it is once the Presidency approves it")
        }
        let document = AgendaDocument(
            state: state, meeting: meeting, agenda: agenda, languages: languages, generatedOn: today,
            anchor: try await record.anchor(at: state.sequence))
        return ExportFile(bytes: try document.docx(), contentType: docxType, fileExtension: "docx")
    }

    /// A meeting's conclusions (its decision paragraphs) as DOCX.
    public static func conclusions(
        from record: RecordService, for principal: Principal?, meeting id: MeetingID, languages: DocumentLanguages,
        today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        let document = ConclusionsDocument(
            state: state, meeting: try meeting(id, in: state), languages: languages, generatedOn: today,
            anchor: try await record.anchor(at: state.sequence))
        return ExportFile(bytes: try document.docx(), contentType: docxType, fileExtension: "docx")
    }

    /// Akoma Ntoso files by name: each meeting's decisions as a statement and each proposal as an
    /// amendment, in every language the process works in.
    public static func akomaNtoso(from record: RecordService, for principal: Principal?, today: PartialDate)
        async throws -> [(name: String, xml: String)]
    {
        let state = try await record.state(for: principal)
        let languages = state.process?.languages ?? Language.allCases
        let meetings = Set(state.decisions.values.map(\.meeting)).compactMap { state.meetings[$0] }
            .sorted { $0.id < $1.id }
        var files: [(String, String)] = []
        for language in languages {
            let code = AkomaNtoso.code(language)
            for meeting in meetings where AkomaNtoso.hasText(of: meeting, in: state, language: language) {
                files.append(
                    (
                        "statement-\(AkomaNtoso.slug(meeting.id.rawValue))-\(code).xml",
                        AkomaNtoso.statement(of: meeting, in: state, language: language, generatedOn: today)
                    ))
            }
            for proposal in state.proposals.values.sorted(by: { $0.id < $1.id })
            where AkomaNtoso.hasText(of: proposal, language: language) {
                files.append(
                    (
                        "amendment-\(AkomaNtoso.slug(proposal.id.rawValue))-\(code).xml",
                        AkomaNtoso.amendment(of: proposal, in: state, language: language, generatedOn: today)
                    ))
            }
        }
        return files
    }

    /// One meeting's decisions as an Akoma Ntoso statement.
    public static func statement(
        from record: RecordService, for principal: Principal?, meeting id: MeetingID, language: Language,
        today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        let meeting = try meeting(id, in: state)
        guard AkomaNtoso.hasText(of: meeting, in: state, language: language) else {
            throw NotFound(field: "lang", "the decisions of '\(id)' are not written in \(language.rawValue)")
        }
        let xml = AkomaNtoso.statement(of: meeting, in: state, language: language, generatedOn: today)
        return ExportFile(bytes: Data(xml.utf8), contentType: "application/akn+xml", fileExtension: "xml")
    }

    /// One proposal as an Akoma Ntoso amendment.
    ///
    /// - Throws: `NotFound` for a proposal not recorded or not for `principal` to read.
    public static func amendment(
        from record: RecordService, for principal: Principal?, proposal id: ProposalID, language: Language,
        today: PartialDate
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        guard let proposal = state.proposals[id] else {
            throw NotFound(field: "code", "no proposal '\(id)' is recorded")
        }
        guard AkomaNtoso.hasText(of: proposal, language: language) else {
            throw NotFound(field: "lang", "the proposal '\(id)' is not written in \(language.rawValue)")
        }
        let xml = AkomaNtoso.amendment(of: proposal, in: state, language: language, generatedOn: today)
        return ExportFile(bytes: Data(xml.utf8), contentType: "application/akn+xml", fileExtension: "xml")
    }

    /// The Popolo document of the record.
    public static func popolo(from record: RecordService, for principal: Principal?, language: Language)
        async throws -> ExportFile
    {
        let data = try Popolo.export(try await record.state(for: principal), language: language)
        return ExportFile(bytes: data, contentType: "application/json", fileExtension: "json")
    }

    /// The iCalendar feed of meetings and target dates in `language`.
    public static func calendar(
        from record: RecordService, for principal: Principal?, language: Language, now: Timestamp
    ) async throws -> ExportFile {
        let feed = CalendarFeed.feed(of: try await record.state(for: principal), language: language, generatedAt: now)
        return ExportFile(bytes: Data(feed.utf8), contentType: "text/calendar; charset=utf-8", fileExtension: "ics")
    }

    /// The Atom feed of what changed, as `principal` may see it, in `language`: the newest records of the plan,
    /// decisions, editions, reports, events and mandates, each dated by the ledger entry that last changed it.
    public static func feed(
        from record: RecordService, for principal: Principal?, language: Language, selfLink: String, now: Timestamp
    ) async throws -> ExportFile {
        let state = try await record.state(for: principal)
        var recordedAt: [Int64: Timestamp] = [:]
        for change in AtomFeed.changes(in: state) where recordedAt[change.sequence] == nil {
            if let stored = try await record.store.entry(change.sequence) {
                recordedAt[change.sequence] = try stored.decoded().recordedAt
            }
        }
        let feed = AtomFeed.feed(
            of: state, language: language, recordedAt: recordedAt, selfLink: selfLink, generatedAt: now)
        return ExportFile(
            bytes: Data(feed.utf8), contentType: "application/atom+xml; charset=utf-8", fileExtension: "atom")
    }

    /// Reads a plan CSV against the record and, when `apply` is set and the file has no problem, appends its
    /// changes in one transaction, as `principal`; a file with any problem changes nothing. Reading it is a
    /// working document too (its diff shows the working plan), so it needs a principal who may write.
    public static func importPlan(
        into record: RecordService, csv: [UInt8], authority: Authority, apply: Bool, as principal: Principal?,
        progress: (Int, Int) -> Void = { _, _ in }
    ) async throws -> (plan: PlanImport, appended: [AppendedEntry]) {
        try Policy(principal: principal).requireWorkingSide("plan imports")
        let actor = try RecordService.actor(of: principal)
        let state = try await record.store.currentState()
        let plan = PlanCSV.read(csv, against: state, actor: actor, authority: authority, progress: progress)
        guard apply, plan.isAcceptable, !plan.changes.isEmpty else { return (plan, []) }
        let appended = try await record.store.append(plan.changes)
        await record.signAfterWrite()
        return (plan, appended)
    }

    public static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    private static func meeting(_ id: MeetingID, in state: ProcessState) throws -> Meeting {
        guard let meeting = state.meetings[id] else {
            throw ChangeError.unknownReference(field: "meeting", reason: "no meeting has the code '\(id)'")
        }
        return meeting
    }
}
