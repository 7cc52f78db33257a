import AccordCore
import AccordServices
import AccordStatistics
import Foundation
import Hummingbird

/// The statistics' JSON API (issue 21 §2–3): uploads staged, previewed and committed as vintages, saved
/// spreadsheet mappings, releases, and codes added to the codelists. Every write goes through
/// `StatisticsService` as the authenticated principal; the SDMX exchange routes are `SDMXController`'s.
struct StatisticsController: Sendable {
    let statistics: StatisticsService

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("statistics/releases", use: releases)
            .post("statistics/releases", use: publish)
            .get("statistics/vintages", use: vintages)
            .post("statistics/uploads", use: upload)
            .get("statistics/uploads/:id", use: preview)
            .post("statistics/uploads/:id/commit", use: commit)
            .delete("statistics/uploads/:id", use: discard)
            .get("statistics/mappings/:area", use: mappings)
            .put("statistics/mappings/:area/:name", use: saveMapping)
            .post("statistics/codes", use: addCode)
    }

    @Sendable func releases(_ request: Request, context: AccordContext) async throws -> JSONResponse<[ReleaseDTO]> {
        JSONResponse(try await statistics.releases(for: context.principal).map(ReleaseDTO.init))
    }

    struct PublishBody: Decodable, Sendable {
        /// The day of publication, YYYY-MM-DD.
        var date: PartialDate
        var notes: LocalizedText?
    }

    @Sendable func publish(_ request: Request, context: AccordContext) async throws -> JSONResponse<EntrySummary> {
        // Who may publish is decided before the body is read, so that a refusal never depends on the body.
        let policy = Policy(principal: context.principal)
        try policy.require(policy.publishesStatistics, "publish a statistical release, which is the Secretariat's")
        let body = try await request.decodeJSON(as: PublishBody.self, context: context)
        let entry = try await statistics.publish(on: body.date, notes: body.notes, as: context.principal)
        return JSONResponse(EntrySummary(entry), status: .created)
    }

    @Sendable func vintages(_ request: Request, context: AccordContext) async throws -> JSONResponse<[VintageDTO]> {
        JSONResponse(try await statistics.vintages(for: context.principal).map(VintageDTO.init))
    }

    /// `POST /statistics/uploads`'s query; the file is the body.
    struct UploadQuery: Decodable, Sendable {
        var flow: String?
        var format: UploadFormat?
        var name: String?
        var area: String?
        var mapping: String?
    }

    /// `POST /api/v1/statistics/uploads?flow=…&format=…&name=…[&area=…][&mapping=…]` with the file as the body.
    @Sendable func upload(_ request: Request, context: AccordContext) async throws -> JSONResponse<UploadPreviewDTO> {
        let query = try request.query(as: UploadQuery.self)
        // Who may upload for the state is decided first; the service decides it again with the file.
        let policy = Policy(principal: context.principal)
        if let area = query.area.map({ ParticipantID($0) }) ?? context.principal?.participant {
            try policy.require(policy.uploadsStatistics(for: area), "upload statistics for \(area)")
        } else {
            try policy.require(policy.publishesStatistics, "upload statistics: name the state with area=CODE")
        }
        guard let flow = query.flow else { throw Problem.badParameter("flow", "name the dataflow") }
        let format = query.format ?? .sdmxCSV
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: StatisticsService.maximumUploadBytes)
        } catch {
            throw Problem(
                .contentTooLarge, kind: "too-large", title: "Request too large",
                detail: "an upload may have \(StatisticsService.maximumUploadBytes) bytes at most")
        }
        let preview = try await statistics.stage(
            UploadRequest(
                flow: flow, area: query.area.map { ParticipantID($0) }, format: format,
                fileName: query.name ?? "upload.\(format == .xlsx ? "xlsx" : "csv")",
                content: Array(buffer.readableBytesView), savedMapping: query.mapping),
            as: context.principal)
        return JSONResponse(UploadPreviewDTO(preview), status: .created)
    }

    @Sendable func preview(_ request: Request, context: AccordContext) async throws -> JSONResponse<UploadPreviewDTO> {
        let id = try context.parameters.require("id")
        return JSONResponse(UploadPreviewDTO(try await statistics.preview(upload: id, as: context.principal)))
    }

    /// `POST /statistics/uploads/{id}/commit`'s query.
    struct CommitQuery: Decodable, Sendable {
        /// The vintage number the preview showed.
        var expect: QueryNumber?
    }

    /// Commits a staged upload; `expect=N` refuses it when another vintage came in since the preview of N.
    @Sendable func commit(_ request: Request, context: AccordContext) async throws -> JSONResponse<EntrySummary> {
        let expected = try request.query(as: CommitQuery.self).expect.map { Int($0.value) }
        let id = try context.parameters.require("id")
        let entry = try await statistics.commit(upload: id, expecting: expected, as: context.principal)
        return JSONResponse(EntrySummary(entry), status: .created)
    }

    @Sendable func discard(_ request: Request, context: AccordContext) async throws -> Response {
        try await statistics.discard(upload: try context.parameters.require("id"), as: context.principal)
        return Response(status: .noContent)
    }

    @Sendable func mappings(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<[String: SpreadsheetMapping]>
    {
        let area = ParticipantID(try context.parameters.require("area"))
        let saved = try await statistics.mappings(for: area, as: context.principal)
        return JSONResponse(Dictionary(saved.map { ($0.name, $0.mapping) }, uniquingKeysWith: { first, _ in first }))
    }

    @Sendable func saveMapping(_ request: Request, context: AccordContext) async throws -> Response {
        let area = ParticipantID(try context.parameters.require("area"))
        let name = try context.parameters.require("name")
        let policy = Policy(principal: context.principal)
        try policy.require(policy.uploadsStatistics(for: area), "save a spreadsheet mapping for \(area)")
        let mapping = try await request.decodeJSON(as: SpreadsheetMapping.self, context: context)
        try await statistics.saveMapping(mapping, named: name, for: area, as: context.principal)
        return Response(status: .noContent)
    }

    /// `POST /statistics/codes`' body besides its authority: `{"code": {"codelist", "code", "names"}}`.
    struct CodeBody: Decodable, Sendable { var code: CodeAddition }

    @Sendable func addCode(_ request: Request, context: AccordContext) async throws
        -> JSONResponse<WriteResult<CodeAddition>>
    {
        let signed = try await request.decodeJSON(as: Signed<CodeBody>.self, context: context)
        let entry = try await statistics.addCode(signed.body.code, authority: signed.authority, as: context.principal)
        return JSONResponse(WriteResult(entry: EntrySummary(entry), value: signed.body.code), status: .created)
    }
}

/// A release as the API shows it.
struct ReleaseDTO: Encodable, Sendable {
    var number: Int
    var date: String
    var vintages: [String]
    var notes: LocalizedText?

    init(_ release: StatisticalRelease) {
        number = release.number
        date = release.date.description
        vintages = release.vintages.map(\.rawValue)
        notes = release.notes
    }
}

/// A vintage's record as the API shows it: where it came from, not its figures.
struct VintageDTO: Encodable, Sendable {
    var id: String
    var flow: String
    var area: String
    var number: Int
    var sequence: Int64
    var file: StatisticalVintage.UploadedFile
    var data: StatisticalVintage.StoredData

    init(_ item: (vintage: StatisticalVintage, sequence: Int64)) {
        id = item.vintage.id.rawValue
        flow = item.vintage.flow
        area = item.vintage.area.rawValue
        number = item.vintage.number
        sequence = item.sequence
        file = item.vintage.file
        data = item.vintage.data
    }
}

/// An upload's preview as the API shows it: what is wrong, by row, column, code and rule, and what committing
/// would add, change and delete, with the first observations of each.
struct UploadPreviewDTO: Encodable, Sendable {
    struct ProblemDTO: Encodable, Sendable {
        var severity: String
        var rule: String
        var row: Int?
        var column: String?
        var code: String?
        var message: String
    }
    struct Change: Encodable, Sendable {
        var key: String
        var before: String?
        var after: String?
    }
    struct Changes: Encodable, Sendable {
        var added: Int
        var changed: Int
        var deleted: Int
        /// Observations of the previous vintage the upload does not carry and the vintage keeps.
        var kept: Int
        var unchanged: Int
        /// The first 50 of each.
        var samples: [Change]
    }

    var id: String?
    var flow: String
    var area: String
    var format: String
    var fileName: String
    var sha256: String
    /// The vintage number committing would make.
    var vintage: Int
    var canCommit: Bool
    /// The observations read from the file without error.
    var observations: Int
    /// The observations the vintage would hold once committed: the file's and, when the upload adds to the
    /// previous vintage, those it leaves as they were (`changes.kept`). The CLI prints the same total.
    var vintageObservations: Int
    var errors: Int
    /// How many problems each rule found (the list keeps the first thousand of each).
    var counts: [String: Int]
    var problems: [ProblemDTO]
    var changes: Changes?

    init(_ preview: UploadPreview) {
        id = preview.id
        flow = preview.flow.id
        area = preview.area.rawValue
        format = preview.format.rawValue
        fileName = preview.fileName
        sha256 = preview.sha256
        vintage = preview.number
        canCommit = preview.report.canCommit
        observations = preview.report.table.count
        vintageObservations = preview.report.vintage.count
        errors = preview.report.problems.errorCount
        counts = Dictionary(uniqueKeysWithValues: preview.report.problems.counts.map { ($0.key.rawValue, $0.value) })
        problems = preview.report.problems.inReadingOrder.map {
            ProblemDTO(
                severity: $0.isError ? "error" : "warning", rule: $0.rule.rawValue, row: $0.row, column: $0.column,
                code: $0.code, message: $0.message)
        }
        changes = preview.report.preview.map { changes in
            let new = preview.report.table
            let old = preview.previousTable
            let structure = preview.structure
            func value(_ table: ObservationTable, _ index: Int) -> String {
                table.values[index] == ObservationTable.missing ? "missing" : String(table.values[index])
            }
            let samples =
                changes.added.prefix(50).map { Change(key: new.describe($0, in: structure), after: value(new, $0)) }
                + changes.changed.prefix(50).map {
                    Change(
                        key: new.describe($0.new, in: structure), before: value(old, $0.old), after: value(new, $0.new))
                }
                + changes.deleted.prefix(50).map {
                    Change(key: old.describe($0, in: structure), before: value(old, $0))
                }
            return Changes(
                added: changes.added.count, changed: changes.changed.count, deleted: changes.deleted.count,
                kept: changes.kept.count, unchanged: changes.unchanged, samples: samples)
        }
    }
}
