import AccordCore
import AccordServices
import AccordStatistics
import Foundation
import Hummingbird

/// The statistics in SDMX, as an SDMX REST service answers (issue 21 §4):
///
/// - `GET /api/v1/sdmx/structure` and `…/structure/{datastructure|dataflow|codelist}/RCM/{id}/{version}`: the
///   SDMX-ML 2.1 structure message (the DSD with its codelists, concept scheme and dataflows);
/// - `GET /api/v1/sdmx/data/{flow}/{key}` (`key` optional, `all` by default) with `startPeriod`, `endPeriod`,
///   `dimensionAtObservation` (`TIME_PERIOD` or `AllDimensions`), `release` (a number, or `committed` for the
///   Secretariat) and `format` (`xml`, `json` or `csv`; or the `Accept` header): SDMX-ML 2.1 generic data,
///   SDMX-JSON 2.0 or SDMX-CSV 2.0, streamed.
///
/// What each reader gets is the service's: the public reads the newest release through disclosure control.
struct SDMXController: Sendable {
    let statistics: StatisticsService

    var endpoints: RouteCollection<AccordContext> {
        RouteCollection(context: AccordContext.self)
            .get("sdmx/structure", use: structure)
            .get("sdmx/structure/:type/:agency/:id/:version", use: artefact)
            .get("sdmx/data/:flow", use: data)
            .get("sdmx/data/:flow/:key", use: data)
    }

    /// The structure message.
    @Sendable func structure(_ request: Request, context: AccordContext) async throws -> Response {
        try await structureResponse()
    }

    /// The structure message, when it holds the artefact the path names.
    @Sendable func artefact(_ request: Request, context: AccordContext) async throws -> Response {
        let structure = try await statistics.structure()
        let type = try context.parameters.require("type")
        let agency = try context.parameters.require("agency")
        let id = try context.parameters.require("id")
        let version = try context.parameters.require("version")
        let found: Bool =
            switch type {
            case "datastructure": id == structure.id && [structure.version, "latest"].contains(version)
            case "dataflow":
                structure.dataflows.contains { $0.id == id && [$0.version, "latest"].contains(version) }
            case "codelist": structure.codelists.contains { $0.id == id && [$0.version, "latest"].contains(version) }
            default:
                throw Problem.badParameter("type", "'\(type)' is not datastructure, dataflow or codelist")
            }
        guard found, [structure.agency, "all"].contains(agency) else {
            throw Problem.notFound(type, "\(agency):\(id)(\(version))", field: "id")
        }
        return try await structureResponse()
    }

    private func structureResponse() async throws -> Response {
        let structure = try await statistics.structure()
        let prepared = Self.now()
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.sdmx.structure+xml;version=2.1"
        return Response(
            status: .ok, headers: headers,
            body: StreamedBody.body { sink in
                try structure.writeStructureMessage(id: "RCM_STRUCTURE", prepared: prepared, to: sink)
            })
    }

    /// `GET /sdmx/data/{flow}/{key}`'s query.
    struct DataQuery: Decodable, Sendable {
        var format: Format?
        var startPeriod: String?
        var endPeriod: String?
        var dimensionAtObservation: String?
        var release: String?
    }

    /// The data of a flow, selected by key and periods, in the format asked for.
    @Sendable func data(_ request: Request, context: AccordContext) async throws -> Response {
        let query = try request.query(as: DataQuery.self)
        let flow = try Self.flowID(try context.parameters.require("flow"))
        let format = query.format ?? Self.format(accepting: request.headers[.accept])
        let layout =
            try query.dimensionAtObservation.map { text in
                guard let layout = DimensionAtObservation(rawValue: text) else {
                    throw Problem.badParameter(
                        "dimensionAtObservation", "'\(text)' is not one of TIME_PERIOD, AllDimensions")
                }
                return layout
            } ?? .timePeriod
        let selection = try Self.selection(query.release, for: context.principal, statistics: statistics)
        let dataset = try await statistics.dataset(flow, selection, for: context.principal)
        let chosen: DataSelection
        do {
            chosen = try DataSelection(
                key: context.parameters.get("key") ?? "all", startPeriod: query.startPeriod,
                endPeriod: query.endPeriod, structure: dataset.structure)
        } catch .unknownCode(let reason) {
            // SDMX REST's "no results found": the key is well formed, and no observation can have that code.
            throw Problem(.notFound, kind: "not-found", title: "Not found", detail: reason, field: "key")
        } catch {
            throw Problem.badParameter(error.parameter, error.description)
        }
        let table = chosen.select(from: dataset.table, structure: dataset.structure)
        var message = DataMessage(
            structure: dataset.structure, flow: dataset.flow, table: table, id: Self.messageID(dataset),
            prepared: Self.now(), language: context.principal?.language ?? .en)
        message.dimensionAtObservation = layout
        message.isTest = dataset.isSynthetic
        message.name = Self.name(of: dataset)
        let ready = message
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        headers[.contentDisposition] = "inline; filename=\"\(dataset.flow.id).\(format.fileExtension)\""
        return Response(
            status: .ok, headers: headers,
            body: StreamedBody.body { sink in
                switch format {
                case .xml: try ready.writeGenericData(to: sink)
                case .json: try ready.writeSDMXJSON(to: sink)
                case .csv: try ready.writeSDMXCSV(to: sink)
                }
            })
    }

    /// The exchange formats of the data route.
    enum Format: String, CaseIterable, Decodable, Sendable {
        case xml, json, csv

        var contentType: String {
            switch self {
            case .xml: "application/vnd.sdmx.genericdata+xml;version=2.1"
            case .json: "application/vnd.sdmx.data+json;version=2.0.0"
            case .csv: "application/vnd.sdmx.data+csv;version=2.0.0"
            }
        }

        var fileExtension: String { rawValue }
    }

    /// The first format an `Accept` header names, else SDMX-ML.
    static func format(accepting header: String?) -> Format {
        let accept = header?.lowercased() ?? ""
        for part in accept.split(separator: ",") {
            if part.contains("csv") { return .csv }
            if part.contains("json") { return .json }
            if part.contains("xml") { return .xml }
        }
        return .xml
    }

    /// A flow as SDMX REST names it: `DF_MIGR_RETURNS`, `RCM,DF_MIGR_RETURNS` or `RCM,DF_MIGR_RETURNS,1.0`.
    static func flowID(_ text: String) throws -> String {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return parts[0]
        case 2, 3:
            guard ["RCM", "all"].contains(parts[0]), parts.count == 2 || ["1.0", "latest"].contains(parts[2]) else {
                throw Problem.notFound("dataflow", text, field: "flow")
            }
            return parts[1]
        default:
            throw Problem.badParameter(
                "flow", "'\(text)' is not a dataflow: write DF_MIGR_RETURNS or RCM,DF_MIGR_RETURNS,1.0")
        }
    }

    /// `release=N`, `release=committed` or `release=latest`; without it, what the principal sees by default.
    static func selection(_ text: String?, for principal: Principal?, statistics: StatisticsService) throws
        -> StatisticsService.Selection
    {
        switch text {
        case nil: return statistics.defaultSelection(for: principal)
        case "latest": return .newestRelease
        case "committed": return .committed
        case let text?:
            guard let number = Int(text), number > 0 else {
                throw Problem.badParameter("release", "'\(text)' is not a release number, 'latest' or 'committed'")
            }
            return .release(number)
        }
    }

    /// The message's ID: the flow and the release (or COMMITTED), marked SYNTHETIC for the demo's data.
    static func messageID(_ dataset: StatisticsDataset) -> String {
        (dataset.isSynthetic ? "SYNTHETIC_" : "") + dataset.flow.id + "_"
            + (dataset.release.map { "RELEASE_\($0.number)" } ?? "COMMITTED")
    }

    /// The message's name: what the figures are, and that they are synthetic when they are.
    static func name(of dataset: StatisticsDataset) -> String {
        let what =
            dataset.release.map { "release \($0.number) of \($0.date)" } ?? "committed, not yet published"
        return (dataset.isSynthetic ? SyntheticDataSet.source + "; " : "") + "\(dataset.flow.id), \(what)"
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
