import AccordCore
import AccordDocuments
import AccordServices
import Foundation
import Hummingbird

/// Downloads of the official documents and exchange formats, and the CSV import of the plan.
struct ExportController: Sendable {
    let record: RecordService

    /// `GET /exports/plan`: the format (DOCX by default), the languages side by side, and an edition.
    struct PlanQuery: Decodable, Sendable {
        var format: PlanFormat?
        var lang: String?
        var edition: QueryNumber?
    }

    /// The languages of a meeting's documents, side by side: `?lang=es,en`; English by default.
    struct LanguagesQuery: Decodable, Sendable {
        var lang: String?

        func languages() throws -> DocumentLanguages { try DocumentLanguages(parsing: lang ?? "en") }
    }

    /// The one language of a statement, an amendment or a feed: `?lang=es`; English by default.
    struct LanguageQuery: Decodable, Sendable {
        var lang: Language?
    }

    /// `POST /imports/plan`.
    struct ImportBody: Decodable, Sendable {
        /// The CSV file's text.
        var csv: String
        /// Whether to append the changes (true) or only show what they would be (false, the default).
        var apply: Bool?
    }

    /// What an import answers: the diff, and the entries appended when it was applied.
    struct ImportAnswer: Encodable, Sendable {
        var applied: Bool
        var diff: [PlanImport.DiffLine]
        var changes: Int
        var entries: [EntrySummary]
    }

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("exports/plan", use: plan)
            .get("exports/agenda/:code", use: agenda)
            .get("exports/conclusions/:code", use: conclusions)
            .get("exports/statement/:code", use: statement)
            .get("exports/amendment/:code", use: amendment)
            .get("exports/popolo", use: popolo)
            .get("exports/calendar", use: calendar)
            .post("imports/plan", use: importPlan)
    }

    @Sendable func plan(_ request: Request, context: AccordContext) async throws -> Response {
        let query = try request.query(as: PlanQuery.self)
        let languages = try DocumentLanguages(parsing: query.lang ?? "en")
        let edition = try query.edition.map { number in
            guard number.value > 0 else {
                throw Problem.badParameter("edition", "'\(number.value)' is not an edition number")
            }
            return Int(number.value)
        }
        let file = try await Exports.plan(
            from: record, for: context.principal, format: query.format ?? .docx, languages: languages,
            edition: edition, today: try Self.today())
        let name =
            "plan-of-action" + (edition.map { "-edition-\($0)" } ?? "")
            + "-\(languages.languages.map(\.rawValue).joined(separator: "-"))"
        return Self.download(file, name: name)
    }

    @Sendable func agenda(_ request: Request, context: AccordContext) async throws -> Response {
        try await meetingDocument("agenda", request, context, Exports.agenda)
    }

    @Sendable func conclusions(_ request: Request, context: AccordContext) async throws -> Response {
        try await meetingDocument("conclusions", request, context, Exports.conclusions)
    }

    /// A meeting's DOCX document (`make`) in the languages the query asks for, downloaded as `name-MEETING`.
    private func meetingDocument(
        _ name: String, _ request: Request, _ context: AccordContext,
        _ make: (RecordService, Principal?, MeetingID, DocumentLanguages, PartialDate) async throws -> ExportFile
    ) async throws -> Response {
        let meeting = MeetingID(try context.parameters.require("code"))
        let languages = try request.query(as: LanguagesQuery.self).languages()
        let file = try await make(record, context.principal, meeting, languages, try Self.today())
        return Self.download(file, name: "\(name)-\(meeting.rawValue)")
    }

    @Sendable func statement(_ request: Request, context: AccordContext) async throws -> Response {
        let meeting = MeetingID(try context.parameters.require("code"))
        let language = try request.query(as: LanguageQuery.self).lang ?? .en
        let file = try await Exports.statement(
            from: record, for: context.principal, meeting: meeting, language: language, today: try Self.today())
        return Self.download(file, name: "statement-\(meeting.rawValue)-\(AkomaNtoso.code(language))")
    }

    @Sendable func amendment(_ request: Request, context: AccordContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let language = try request.query(as: LanguageQuery.self).lang ?? .en
        let file = try await Exports.amendment(
            from: record, for: context.principal, proposal: ProposalID(code), language: language,
            today: try Self.today())
        return Self.download(file, name: "amendment-\(code)-\(AkomaNtoso.code(language))")
    }

    @Sendable func popolo(_ request: Request, context: AccordContext) async throws -> Response {
        let language = try request.query(as: LanguageQuery.self).lang ?? .en
        return Self.download(
            try await Exports.popolo(from: record, for: context.principal, language: language), name: "popolo")
    }

    @Sendable func calendar(_ request: Request, context: AccordContext) async throws -> Response {
        let language = try request.query(as: LanguageQuery.self).lang ?? .en
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let file = try await Exports.calendar(from: record, for: context.principal, language: language, now: now)
        return Self.download(file, name: "calendar-\(language.rawValue)")
    }

    @Sendable func importPlan(_ request: Request, context: AccordContext) async throws -> JSONResponse<ImportAnswer> {
        let body = try await request.decodeJSON(as: Signed<ImportBody>.self, context: context)
        let apply = body.body.apply ?? false
        let (plan, appended) = try await Exports.importPlan(
            into: record, csv: Array(body.body.csv.utf8), authority: body.authority, apply: apply,
            as: context.principal)
        guard plan.isAcceptable else {
            var problem = Problem(
                .unprocessableContent, kind: "import-refused", title: "Import refused",
                detail: "\(plan.problems.count) problem(s) in the file; nothing was applied",
                field: plan.problems.first?.column)
            problem.problems = plan.problems
            throw problem
        }
        return JSONResponse(
            ImportAnswer(
                applied: apply && !appended.isEmpty, diff: plan.diff, changes: plan.changes.count,
                entries: appended.map(EntrySummary.init)))
    }

    /// A file download: its type, its length, and a file name the browser saves it under.
    static func download(_ file: ExportFile, name: String) -> Response {
        let fileName = "\(name).\(file.fileExtension)".filter {
            $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0))
        }
        var headers: HTTPFields = [:]
        headers[.contentType] = file.contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// Today's date in UTC, printed on documents as their generation date.
    static func today() throws -> PartialDate {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let date = PartialDate(formatter.string(from: Date())) else {
            throw Problem(.internalServerError, kind: "internal", title: "Internal error", detail: "no date")
        }
        return date
    }
}

/// A document format, read from a query as JSON reads a closed set: an unknown one is refused with the list.
extension PlanFormat: ClosedSet {}
