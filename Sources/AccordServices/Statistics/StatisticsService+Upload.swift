import AccordCore
import AccordStatistics
import AccordStore
import Foundation

/// The formats a member state uploads in.
public enum UploadFormat: String, Sendable, CaseIterable, Codable {
    /// SDMX-CSV 2.0, as any SDMX tool writes it.
    case sdmxCSV = "sdmx-csv"
    /// A spreadsheet's CSV export, read through a saved mapping.
    case csv
    /// An Excel workbook (Office Open XML), read through a saved mapping.
    case xlsx

    /// The media type the file is kept under.
    public var mediaType: String {
        switch self {
        case .sdmxCSV: "application/vnd.sdmx.data+csv;version=2.0.0"
        case .csv: "text/csv"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// Whether the file is read through a spreadsheet mapping.
    public var needsMapping: Bool { self != .sdmxCSV }
}

/// An upload as a front end receives it.
public struct UploadRequest: Sendable {
    public var flow: String
    /// The reporting state; nil for the principal's own delegation.
    public var area: ParticipantID?
    public var format: UploadFormat
    /// The file's name as sent.
    public var fileName: String
    public var content: [UInt8]
    /// How a spreadsheet is read; needed for `csv` and `xlsx`, unless `savedMapping` names one.
    public var mapping: SpreadsheetMapping?
    /// The name of one of the state's saved mappings, used when `mapping` is nil.
    public var savedMapping: String?

    public init(
        flow: String, area: ParticipantID? = nil, format: UploadFormat, fileName: String, content: [UInt8],
        mapping: SpreadsheetMapping? = nil, savedMapping: String? = nil
    ) {
        self.flow = flow
        self.area = area
        self.format = format
        self.fileName = fileName
        self.content = content
        self.mapping = mapping
        self.savedMapping = savedMapping
    }
}

/// An upload checked against the structure and the state's previous vintage: its problems and, without
/// errors, what committing it would change.
public struct UploadPreview: Sendable {
    /// The staged upload's identifier, to commit it with; nil when the file was only validated.
    public var id: String?
    public var structure: DataStructure
    public var flow: Dataflow
    public var area: ParticipantID
    public var format: UploadFormat
    public var fileName: String
    /// The SHA-256 of the file as sent.
    public var sha256: String
    public var report: UploadReport
    /// The state's newest vintage of the flow, which this one would follow.
    public var previous: StatisticalVintage?
    /// Its observations, to which the preview's `changed`, `deleted` and `kept` indices point.
    public var previousTable: ObservationTable
    /// The number the vintage would have.
    public var number: Int { (previous?.number ?? 0) + 1 }
}

/// Why an upload could not be taken.
public enum UploadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A spreadsheet came without the mapping that says how to read it.
    case mappingNeeded(UploadFormat)
    /// The file is larger than an upload may be.
    case tooLarge(bytes: Int, limit: Int)
    /// The file is empty.
    case empty
    /// The upload has errors: it cannot be committed until they are fixed.
    case hasErrors(count: Int)
    /// The upload was staged by another account, or is no longer kept.
    case unknownUpload
    /// Another vintage of the state's flow was committed after the preview was shown.
    case stalePreview(expected: Int, next: Int)
    /// An upload that replaces the vintage, deleting what it leaves out, is committed only naming the vintage
    /// number its preview showed.
    case expectationNeeded(next: Int, deleted: Int)

    public var description: String {
        switch self {
        case .mappingNeeded(let format):
            "a \(format.rawValue) file is read through a saved mapping (sheet, header row, columns, labels); give one"
        case .tooLarge(let bytes, let limit): "the file has \(bytes) bytes; an upload may have \(limit) at most"
        case .empty: "the file is empty"
        case .hasErrors(let count): "the upload has \(count) error(s); fix them and upload the file again"
        case .unknownUpload: "no such upload is waiting for you; upload the file again"
        case .expectationNeeded(let next, let deleted):
            "this upload replaces the vintage and deletes \(deleted) observation(s): commit it naming the vintage "
                + "its preview showed (expect=\(next))"
        case .stalePreview(let expected, let next):
            "the preview was for vintage \(expected), but vintage \(next - 1) was committed meanwhile: review the new preview"
        }
    }
}

extension StatisticsService {
    /// The largest upload accepted.
    public static let maximumUploadBytes = 64 << 20

    /// Reads and checks an upload without keeping it: `accord stats validate`.
    ///
    /// - Throws: `AuthError` when `principal` may not upload for the state; `UploadError` for a file that
    ///   cannot be taken at all; `NotFound` for an unknown flow.
    public func validate(_ request: UploadRequest, as principal: Principal?) async throws -> UploadPreview {
        try await check(request, as: principal)
    }

    /// Reads and checks an upload and keeps it for its sender to commit (for a day).
    public func stage(_ request: UploadRequest, as principal: Principal?) async throws -> UploadPreview {
        var request = request
        request.mapping = try await mapping(of: request, as: principal)
        var preview = try await check(request, as: principal)
        let id = Self.randomID()
        try await store.stage(
            StagedUpload(
                id: id, username: principal?.username ?? "", flow: preview.flow.id, area: preview.area.rawValue,
                format: request.format.rawValue, name: request.fileName,
                mapping: try request.mapping.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
                content: request.content, createdAt: Self.now()))
        preview.id = id
        return preview
    }

    /// The preview of a staged upload, checked again against the record as it is now.
    ///
    /// - Throws: `UploadError.unknownUpload` unless `principal` staged it and it is still kept.
    public func preview(upload id: String, as principal: Principal?) async throws -> UploadPreview {
        let (request, _) = try await staged(id, as: principal)
        var preview = try await check(request, as: principal)
        preview.id = id
        return preview
    }

    /// Commits a staged upload as the next vintage of its state's flow: one ledger entry with the principal as
    /// actor, the file's SHA-256 and the observations, all or nothing.
    ///
    /// The file is read and checked again from the bytes kept (a preview shown earlier is never trusted).
    ///
    /// - Parameter expected: the vintage number the preview showed; when another vintage was committed since,
    ///   the commit is refused so that nobody commits over figures they have not seen.
    /// - Throws: `UploadError` (unknown upload, errors, stale preview), `AuthError`, and `ChangeError` from Core.
    @discardableResult
    public func commit(upload id: String, expecting expected: Int? = nil, as principal: Principal?) async throws
        -> AppendedEntry
    {
        let (request, _) = try await staged(id, as: principal)
        let preview = try await check(request, as: principal)
        guard preview.report.canCommit else { throw UploadError.hasErrors(count: preview.report.problems.errorCount) }
        if let expected, expected != preview.number {
            throw UploadError.stalePreview(expected: expected, next: preview.number)
        }
        // Deleting figures is never done against a vintage the sender may not have seen.
        if expected == nil, preview.report.replacesVintage, let deleted = preview.report.preview?.deleted.count,
            deleted > 0
        {
            throw UploadError.expectationNeeded(next: preview.number, deleted: deleted)
        }
        let entry = try await commit(preview, content: request.content, as: principal)
        try await store.discardStagedUpload(id)
        return entry
    }

    /// Discards a staged upload its sender no longer wants.
    public func discard(upload id: String, as principal: Principal?) async throws {
        _ = try await staged(id, as: principal)
        try await store.discardStagedUpload(id)
    }

    /// Validates and commits in one step, for the CLI's `accord stats import` and the demo.
    @discardableResult
    public func importFile(_ request: UploadRequest, as principal: Principal?) async throws
        -> (preview: UploadPreview, entry: AppendedEntry?)
    {
        let preview = try await check(request, as: principal)
        guard preview.report.canCommit else { return (preview, nil) }
        return (preview, try await commit(preview, content: request.content, as: principal))
    }

    /// Appends the vintage a checked upload makes, with its files.
    private func commit(_ preview: UploadPreview, content: [UInt8], as principal: Principal?) async throws
        -> AppendedEntry
    {
        // The vintage holds what the upload carries and, unless it replaces the vintage, what it left as it was.
        let message = DataMessage(
            structure: preview.structure, flow: preview.flow, table: preview.report.vintage, id: "VINTAGE",
            prepared: "1970-01-01T00:00:00Z")
        var data: [UInt8] = []
        try message.writeSDMXCSV { data.append(contentsOf: $0) }
        let upload = StoredFile(mediaType: preview.format.mediaType, content: content)
        let observations = StoredFile(mediaType: UploadFormat.sdmxCSV.mediaType, content: data)
        let vintage = StatisticalVintage(
            flow: preview.flow.id, area: preview.area, number: preview.number,
            file: .init(
                name: preview.fileName, format: preview.format.rawValue, sha256: upload.sha256, bytes: content.count),
            data: .init(sha256: observations.sha256, observations: preview.report.vintage.count))
        return try await record.record(
            .commitVintage(vintage), authority: .participant(preview.area), storing: [upload, observations],
            as: principal)
    }

    /// Reads `request` and checks it: who may upload it, its size, every rule of the structure; then its
    /// preview against the state's newest vintage, and the mirror check against the other states'.
    private func check(_ request: UploadRequest, as principal: Principal?) async throws -> UploadPreview {
        guard let principal else { throw AuthError.notSignedIn }
        guard let area = request.area ?? principal.participant else {
            throw AuthError.invalid(field: "area", reason: "name the member state whose statistics these are")
        }
        let policy = Policy(principal: principal)
        try policy.require(
            policy.uploadsStatistics(for: area),
            "upload statistics for \(area): a delegation uploads its own state's, the Secretariat any state's")
        guard !request.content.isEmpty else { throw UploadError.empty }
        guard request.content.count <= Self.maximumUploadBytes else {
            throw UploadError.tooLarge(bytes: request.content.count, limit: Self.maximumUploadBytes)
        }
        // The working state: the previous vintage is the state's own, whether published or not.
        let state = try await store.currentState()
        guard state.participants[area]?.kind == .memberState else {
            throw NotFound(field: "area", "\(area) is not a member state of the process")
        }
        let structure = try structure(in: state)
        let flow = try self.flow(request.flow, in: structure)
        let previous = state.newestVintage(of: flow.id, area: area)
        var previousTable = ObservationTable()
        if let previous { previousTable = try await observations(of: previous, structure: structure) }
        var others: [ObservationTable] = []
        for participant in state.participants.values where participant.id != area {
            if let vintage = state.newestVintage(of: flow.id, area: participant.id) {
                others.append(try await observations(of: vintage, structure: structure))
            }
        }
        let upload = Upload(
            structure: structure, flow: flow, reportingArea: area.rawValue, previous: previousTable, others: others)
        let report: UploadReport
        switch request.format {
        case .sdmxCSV:
            report = upload.validate(sdmxCSV: request.content)
        case .csv, .xlsx:
            guard let mapping = try await mapping(of: request, as: principal) else {
                throw UploadError.mappingNeeded(request.format)
            }
            do {
                let sheet =
                    request.format == .csv
                    ? Spreadsheet(csv: request.content)
                    : try Spreadsheet(xlsx: Data(request.content), sheet: mapping.sheet)
                report = upload.validate(spreadsheet: sheet, mapping: mapping)
            } catch let error as SpreadsheetError {
                // A file that is not a workbook is one problem of the whole file, shown like any other.
                var problems = ProblemList()
                problems.append(Problem(.columns, row: nil, column: nil, code: nil, error.sentence))
                report = UploadReport(table: ObservationTable(), rows: [], problems: problems, preview: nil)
            }
        }
        return UploadPreview(
            id: nil, structure: structure, flow: flow, area: area, format: request.format, fileName: request.fileName,
            sha256: HashChain.digest(of: request.content), report: report, previous: previous,
            previousTable: previousTable)
    }

    /// The mapping `request` is read with: its own, or the saved one it names.
    private func mapping(of request: UploadRequest, as principal: Principal?) async throws -> SpreadsheetMapping? {
        if let mapping = request.mapping { return mapping }
        guard let name = request.savedMapping, let area = request.area ?? principal?.participant else { return nil }
        guard let saved = try await mappings(for: area, as: principal).first(where: { $0.name == name }) else {
            throw NotFound(field: "mapping", "\(area) has no saved mapping '\(name)'")
        }
        return saved.mapping
    }

    /// The staged upload `id` as a request, when `principal` staged it.
    private func staged(_ id: String, as principal: Principal?) async throws -> (UploadRequest, StagedUpload) {
        guard let principal else { throw AuthError.notSignedIn }
        guard let upload = try await store.stagedUpload(id), upload.username == principal.username,
            let format = UploadFormat(rawValue: upload.format)
        else { throw UploadError.unknownUpload }
        let mapping = try upload.mapping.map { try JSONDecoder().decode(SpreadsheetMapping.self, from: Data($0.utf8)) }
        return (
            UploadRequest(
                flow: upload.flow, area: ParticipantID(upload.area), format: format, fileName: upload.name,
                content: upload.content, mapping: mapping),
            upload
        )
    }

    /// 128 random bits in hexadecimal: a staged upload's identifier cannot be guessed.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
