import AccordCore
import AccordDocuments
import AccordServices
import AccordStore
import Foundation
import Hummingbird

/// Downloads of the official documents and exchange formats, and the CSV import of the plan.
enum ExportRoutes {
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

    static func add(to api: RouterGroup<AccordContext>, record: RecordService) {
        api.get("exports/plan") { request, context in
            let format = try request.option("format", as: PlanFormat.self) ?? .docx
            let languages = try DocumentLanguages(parsing: request.text("lang") ?? "en")
            let edition = try request.text("edition").map { text in
                guard let number = Int(text), number > 0 else {
                    throw Problem.badParameter("edition", "'\(text)' is not an edition number")
                }
                return number
            }
            let file = try await Exports.plan(
                from: record, for: context.principal, format: format, languages: languages, edition: edition,
                today: try today())
            let name =
                "plan-of-action" + (edition.map { "-edition-\($0)" } ?? "")
                + "-\(languages.languages.map(\.rawValue).joined(separator: "-"))"
            return download(file, name: name)
        }
        api.get("exports/agenda/:code") { request, context in
            let meeting = MeetingID(try context.parameters.require("code"))
            let languages = try DocumentLanguages(parsing: request.text("lang") ?? "en")
            let file = try await Exports.agenda(
                from: record, for: context.principal, meeting: meeting, languages: languages, today: try today())
            return download(file, name: "agenda-\(meeting.rawValue)")
        }
        api.get("exports/conclusions/:code") { request, context in
            let meeting = MeetingID(try context.parameters.require("code"))
            let languages = try DocumentLanguages(parsing: request.text("lang") ?? "en")
            let file = try await Exports.conclusions(
                from: record, for: context.principal, meeting: meeting, languages: languages, today: try today())
            return download(file, name: "conclusions-\(meeting.rawValue)")
        }
        api.get("exports/statement/:code") { request, context in
            let meeting = MeetingID(try context.parameters.require("code"))
            let language = try request.option("lang", as: Language.self) ?? .en
            let file = try await Exports.statement(
                from: record, for: context.principal, meeting: meeting, language: language, today: try today())
            return download(file, name: "statement-\(meeting.rawValue)-\(AkomaNtoso.code(language))")
        }
        api.get("exports/amendment/:code") { request, context in
            let code = try context.parameters.require("code")
            let language = try request.option("lang", as: Language.self) ?? .en
            let file = try await Exports.amendment(
                from: record, for: context.principal, proposal: ProposalID(code), language: language,
                today: try today())
            return download(file, name: "amendment-\(code)-\(AkomaNtoso.code(language))")
        }
        api.get("exports/popolo") { request, context in
            let language = try request.option("lang", as: Language.self) ?? .en
            return download(
                try await Exports.popolo(from: record, for: context.principal, language: language), name: "popolo")
        }
        api.get("exports/calendar") { request, context in
            let language = try request.option("lang", as: Language.self) ?? .en
            let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
            let file = try await Exports.calendar(from: record, for: context.principal, language: language, now: now)
            return download(file, name: "calendar-\(language.rawValue)")
        }
        api.post("imports/plan") { request, context in
            let signed = try await request.decodeJSON(as: Signed<ImportBody>.self, context: context)
            let apply = signed.body.apply ?? false
            let (plan, appended) = try await Exports.importPlan(
                into: record, csv: Array(signed.body.csv.utf8), authority: signed.authority, apply: apply,
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
