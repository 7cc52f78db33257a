import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import Foundation
import Hummingbird

/// The follow-up of external plans, besides the record routes of plans, mandates, cycles, events and series:
/// a cycle's report matrix, national and coordinator's reports with their revisions, a series' occurrences, and
/// the Atom feed of what changed.
///
/// Reads go through `FollowUpService` and `RecordService`, so the public reads only published reports; writes
/// are recorded as the principal through Core's rules.
struct FollowUpController: Sendable {
    let reports: FollowUpService
    /// Feed tokens: who reads `/feed?token=…`, and the Secretariat issuing and revoking them.
    let accounts: AccountService
    var record: RecordService { reports.record }

    var endpoints: RouteCollection<AccordContext> {
        let report = "reports/:cycle/:mandate/:participant"
        return RouteCollection(context: AccordContext.self)
            .get("event-series/:code/occurrences", use: occurrences)
            .get("cycles/:code/matrix", use: matrix)
            .get("reports", use: list)
            .post("reports", use: file)
            .get(RouterPath(report), use: show)
            .get(RouterPath(report + "/revisions"), use: revisions)
            .post(RouterPath(report + "/submit"), use: submit)
            .post(RouterPath(report + "/publish"), use: publish)
            .get("feed", use: feed)
            .get(RouterPath("exports/report/:cycle/:mandate/:participant"), use: reportDocument)
            .get("exports/compilation/:code", use: compilation)
            .post("feed-tokens/:username", use: issueFeedToken)
            .delete("feed-tokens/:username", use: revokeFeedToken)
    }

    /// `GET /exports/report/…`: the format (DOCX by default) and the languages side by side.
    struct DocumentQuery: Decodable, Sendable {
        var format: ReportFormat?
        var lang: String?
    }

    /// `GET /exports/report/CYCLE/MANDATE/COUNTRY`: one report as a document, as the reader may see it.
    @Sendable func reportDocument(_ request: Request, context: AccordContext) async throws -> Response {
        let query = try request.query(as: DocumentQuery.self)
        let languages = try DocumentLanguages(parsing: query.lang ?? "en")
        let id = try Self.reportID(context)
        let file = try await Exports.report(
            from: record, for: context.principal, report: id, format: query.format ?? .docx, languages: languages,
            today: try ExportController.today())
        let name =
            "report-" + id.rawValue.replacingOccurrences(of: "/", with: "-")
            + "-\(languages.languages.map(\.rawValue).joined(separator: "-"))"
        return ExportController.download(file, name: name)
    }

    /// `GET /exports/compilation/CYCLE`: every report of the cycle the reader may see, as one DOCX.
    @Sendable func compilation(_ request: Request, context: AccordContext) async throws -> Response {
        let languages = try request.query(as: ExportController.LanguagesQuery.self).languages()
        let cycle = try context.parameters.require("code")
        let file = try await Exports.compilation(
            from: record, for: context.principal, cycle: CycleID(cycle), languages: languages,
            today: try ExportController.today())
        return ExportController.download(
            file, name: "compilation-\(cycle)-\(languages.languages.map(\.rawValue).joined(separator: "-"))")
    }

    /// The matrix as the API answers it: the cells, with who has not filed on each mandate (nothing, or only a
    /// draft) and the count of cells in each state.
    struct MatrixAnswer: Encodable, Sendable {
        var asOf: Int64
        var matrix: ReportMatrix
        var notFiled: [String: [ParticipantID]]
        var totals: [String: Int]
    }

    /// A series with the events that took place and when the next one is due.
    struct SeriesAnswer: Encodable, Sendable {
        var series: EventSeries
        var occurrences: [Event]
        var nextDue: PartialDate?
        var latest: PartialDate?
    }

    /// A filing body: `{"authority": {"participant": "CAN"}, "report": {…}}`.
    struct FilingBody: Decodable, Sendable {
        var report: ReportFiling
    }

    /// The matrix's views: one country's column, one mandate's row.
    struct MatrixQuery: Decodable, Sendable {
        var country: ParticipantID?
        var mandate: MandateID?
    }

    /// The list's filters.
    struct ReportQuery: Decodable, Sendable {
        var cycle: CycleID?
        var mandate: MandateID?
        var country: ParticipantID?
        var status: ReportStatus?
        var kind: ReportKind?

        func matches(_ report: NationalReport) -> Bool {
            (status.map { $0 == report.status } ?? true) && (kind.map { $0 == report.kind } ?? true)
                && (cycle.map { $0 == report.cycle } ?? true) && (mandate.map { $0 == report.mandate } ?? true)
                && (country.map { $0 == report.participant } ?? true)
        }
    }

    @Sendable func occurrences(_ request: Request, context: AccordContext) async throws -> JSONResponse<SeriesAnswer> {
        let series = try await record.find(
            EventSeries.self, try context.parameters.require("code"), for: context.principal)
        let state = try await record.state(for: context.principal)
        let next = state.nextOccurrence(of: series.id)
        return JSONResponse(
            SeriesAnswer(
                series: series, occurrences: state.occurrences(of: series.id), nextDue: next?.due, latest: next?.latest
            ))
    }

    @Sendable func matrix(_ request: Request, context: AccordContext) async throws -> JSONResponse<MatrixAnswer> {
        let query = try request.query(as: MatrixQuery.self)
        let code = try context.parameters.require("code")
        let matrix = try await reports.matrix(of: .init(code), for: context.principal)
            .filtered(country: query.country, mandate: query.mandate)
        var notFiled: [String: [ParticipantID]] = [:]
        for mandate in matrix.mandates { notFiled[mandate.rawValue] = matrix.notFiled(on: mandate) }
        let totals = Dictionary(uniqueKeysWithValues: matrix.totals.map { ($0.key.rawValue, $0.value) })
        return JSONResponse(
            MatrixAnswer(
                asOf: try await record.head().sequence, matrix: matrix, notFiled: notFiled, totals: totals))
    }

    @Sendable func list(_ request: Request, context: AccordContext) async throws -> JSONResponse<Page<NationalReport>> {
        let query = try request.query(as: ReportQuery.self)
        let state = try await record.state(for: context.principal)
        return JSONResponse(
            Page(asOf: state.sequence, items: state.reports.values.filter(query.matches).sorted { $0.id < $1.id }))
    }

    @Sendable func file(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<NationalReport>>
    {
        let body = try await request.decodeJSON(as: Signed<FilingBody>.self, context: context)
        let (entry, report) = try await reports.file(body.body.report, authority: body.authority, as: context.principal)
        return JSONResponse(WriteResult(entry: EntrySummary(entry), value: report), status: .created)
    }

    @Sendable func show(_ request: Request, context: AccordContext) async throws -> JSONResponse<NationalReport> {
        JSONResponse(try await reports.report(try Self.reportID(context), for: context.principal))
    }

    @Sendable func revisions(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<Page<ReportRevision>>
    {
        let revisions = try await reports.revisions(of: try Self.reportID(context), for: context.principal)
        return JSONResponse(Page(asOf: try await record.head().sequence, items: revisions))
    }

    @Sendable func submit(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<NationalReport>>
    {
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        let (entry, report) = try await reports.submit(
            try Self.reportID(context), authority: body.authority, as: context.principal)
        return JSONResponse(WriteResult(entry: EntrySummary(entry), value: report))
    }

    @Sendable func publish(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<NationalReport>>
    {
        let body = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
        let (entry, report) = try await reports.publish(
            try Self.reportID(context), authority: body.authority, as: context.principal)
        return JSONResponse(WriteResult(entry: EntrySummary(entry), value: report))
    }

    /// `GET /feed`: the language, and an account's feed token (feed readers send no headers).
    struct FeedQuery: Decodable, Sendable {
        var lang: Language?
        var token: String?
    }

    /// What issuing a feed token answers: the token, once, and the feed's address with it.
    struct FeedTokenAnswer: Encodable, Sendable {
        var username: String
        var token: String
        var feed: String
    }

    /// `POST /feed-tokens/USERNAME`: the Secretariat issues (or replaces) an account's feed token.
    @Sendable func issueFeedToken(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<FeedTokenAnswer>
    {
        let username = try context.parameters.require("username")
        let token = try await accounts.issueFeedToken(for: username, as: context.principal)
        return JSONResponse(
            FeedTokenAnswer(username: username.lowercased(), token: token, feed: "/api/v1/feed?token=\(token)"),
            status: .created)
    }

    /// `DELETE /feed-tokens/USERNAME`: the Secretariat revokes it.
    @Sendable func revokeFeedToken(_ request: Request, context: AccordContext) async throws -> Response {
        let username = try context.parameters.require("username")
        guard try await accounts.revokeFeedToken(of: username, as: context.principal) else {
            throw NotFound(field: "username", "'\(username)' has no feed token")
        }
        return Response(status: .noContent)
    }

    @Sendable func feed(_ request: Request, context: AccordContext) async throws -> Response {
        let query = try request.query(as: FeedQuery.self)
        let language = query.lang ?? .en
        // With a feed token, the feed of the account it belongs to, whoever asks; an unknown or revoked one is
        // refused rather than answered with the public's feed, so a reader notices.
        var principal = context.principal
        if let token = query.token {
            guard let owner = try await accounts.principal(feedToken: token) else { throw AuthError.notSignedIn }
            principal = owner
        }
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let file = try await Exports.feed(
            from: record, for: principal, language: language,
            selfLink: "/api/v1/feed?lang=\(language.rawValue)", now: now)
        var headers: HTTPFields = [:]
        headers[.contentType] = file.contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// The report the path names: cycle, mandate, and a country's code or `coordinator`.
    static func reportID(_ context: AccordContext) throws -> ReportID {
        NationalReport.id(
            cycle: try context.parameters.require("cycle"), mandate: try context.parameters.require("mandate"),
            segment: try context.parameters.require("participant"))
    }
}

/// A report document's format, read from a query as JSON reads a closed set.
extension ReportFormat: ClosedSet {}
