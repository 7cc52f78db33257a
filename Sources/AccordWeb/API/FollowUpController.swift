import AccordCore
import AccordServices
import AccordStore
import Foundation
import Hummingbird

/// The follow-up of external plans: plans, mandates, reporting cycles and their report matrix, national and
/// coordinator's reports with their revisions, events and event series.
///
/// Reads go through `FollowUpService` and `RecordService`, so the public reads only published reports;
/// writes are recorded as the principal through Core's rules.
struct FollowUpController {
    let reports: FollowUpService
    var record: RecordService { reports.record }

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

    func addRoutes(to api: RouterGroup<AccordContext>) {
        RecordRoutes.add(ExternalPlan.self, to: api, record: record) { $0.id < $1.id }
        RecordRoutes.add(Mandate.self, to: api, record: record) { $0.id < $1.id }
        RecordRoutes.add(ReportingCycle.self, to: api, record: record) { $0.id < $1.id }
        RecordRoutes.add(Event.self, to: api, record: record) {
            ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
        }
        RecordRoutes.add(EventSeries.self, to: api, record: record) { $0.id < $1.id }
        api.get("event-series/:code/occurrences") { _, context in
            let code = try context.parameters.require("code")
            let series = try await RecordRoutes.show(
                EventSeries.self, code: code, record: record, for: context.principal)
            let state = try await record.state(for: context.principal)
            let next = state.nextOccurrence(of: series.id)
            return JSONResponse(
                SeriesAnswer(
                    series: series, occurrences: state.occurrences(of: series.id), nextDue: next?.due,
                    latest: next?.latest))
        }
        api.get("feed") { request, context in
            let language = try request.option("lang", as: Language.self) ?? .en
            let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
            let file = try await Exports.feed(
                from: record, for: context.principal, language: language,
                selfLink: "/api/v1/feed?lang=\(language.rawValue)", now: now)
            var headers: HTTPFields = [:]
            headers[.contentType] = file.contentType
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
        }
        api.get("cycles/:code/matrix") { request, context in
            let code = try context.parameters.require("code")
            let matrix = try await reports.matrix(of: .init(code), for: context.principal)
            return JSONResponse(Self.answer(matrix, request: request, asOf: try await record.head().sequence))
        }
        api.get("reports") { request, context in
            let state = try await record.state(for: context.principal)
            let values = try state.reports.values.filter { try Self.matches($0, request) }.sorted {
                $0.id < $1.id
            }
            return JSONResponse(Page(asOf: state.sequence, items: values))
        }
        api.post("reports") { request, context in
            let signed = try await request.decodeJSON(as: Signed<FilingBody>.self, context: context)
            let (entry, report) = try await reports.file(
                signed.body.report, authority: signed.authority, as: context.principal)
            return JSONResponse(WriteResult(entry: EntrySummary(entry), value: report), status: .created)
        }
        let path = "reports/:cycle/:mandate/:participant"
        api.get(RouterPath(path)) { _, context in
            JSONResponse(try await reports.report(try Self.reportID(context), for: context.principal))
        }
        api.get(RouterPath(path + "/revisions")) { _, context in
            let id = try Self.reportID(context)
            return JSONResponse(
                Page(
                    asOf: try await record.head().sequence,
                    items: try await reports.revisions(of: id, for: context.principal)))
        }
        api.post(RouterPath(path + "/submit")) { request, context in
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            let (entry, report) = try await reports.submit(
                try Self.reportID(context), authority: signed.authority, as: context.principal)
            return JSONResponse(WriteResult(entry: EntrySummary(entry), value: report))
        }
        api.post(RouterPath(path + "/publish")) { request, context in
            let signed = try await request.decodeJSON(as: Signed<NoFields>.self, context: context)
            let (entry, report) = try await reports.publish(
                try Self.reportID(context), authority: signed.authority, as: context.principal)
            return JSONResponse(WriteResult(entry: EntrySummary(entry), value: report))
        }
    }

    /// Whether `report` passes the list's filters: `cycle`, `mandate`, `country`, `status`, `kind`.
    static func matches(_ report: NationalReport, _ request: Request) throws -> Bool {
        let status = try request.option("status", as: ReportStatus.self)
        let kind = try request.option("kind", as: ReportKind.self)
        return (status.map { $0 == report.status } ?? true) && (kind.map { $0 == report.kind } ?? true)
            && (request.text("cycle").map { $0 == report.cycle.rawValue } ?? true)
            && (request.text("mandate").map { $0 == report.mandate.rawValue } ?? true)
            && (request.text("country").map { $0 == report.participant.rawValue } ?? true)
    }

    /// The report the path names: cycle, mandate, and a country's code or `coordinator`.
    static func reportID(_ context: AccordContext) throws -> ReportID {
        NationalReport.id(
            cycle: try context.parameters.require("cycle"), mandate: try context.parameters.require("mandate"),
            segment: try context.parameters.require("participant"))
    }

    /// `matrix`, reduced to one country's column (`?country=`) or one mandate's row (`?mandate=`) when asked.
    static func answer(_ matrix: ReportMatrix, request: Request, asOf: Int64) -> MatrixAnswer {
        let matrix = matrix.filtered(
            country: request.text("country").map { ParticipantID($0) },
            mandate: request.text("mandate").map { MandateID($0) })
        var notFiled: [String: [ParticipantID]] = [:]
        for mandate in matrix.mandates { notFiled[mandate.rawValue] = matrix.notFiled(on: mandate) }
        let totals = Dictionary(uniqueKeysWithValues: matrix.totals.map { ($0.key.rawValue, $0.value) })
        return MatrixAnswer(asOf: asOf, matrix: matrix, notFiled: notFiled, totals: totals)
    }
}
