import AccordCore
import AccordStatistics
import AccordStore
import Foundation

/// The shared migration statistics (issue 21) as the front ends use them: uploads staged, validated, previewed
/// and committed as vintages; releases published; and every read reduced to what the principal may see.
///
/// Writes are ledger entries through Core's rules (`add-code`, `commit-vintage`, `publish-release`) with the
/// principal as actor; the observations a vintage holds are kept beside the ledger, named by the SHA-256 its
/// entry carries, in the same transaction. Reads start from the state `ProcessState.published(for:)` gives the
/// principal, and `Policy` decides whether they see the committed figures (the Secretariat) or the newest
/// release through disclosure control (everyone else).
public struct StatisticsService: Sendable {
    /// The record the statistics' entries are written to, as every other write (checkpoints signed after each).
    public let record: RecordService
    /// What public output withholds: confidential cells, and cells under this threshold.
    public let disclosure: DisclosureControl
    let cache: StatisticsCache

    /// - Parameter disclosure: the small-cell threshold public output applies (3 by default).
    public init(record: RecordService, disclosure: DisclosureControl = .init()) {
        self.record = record
        self.disclosure = disclosure
        cache = StatisticsCache()
    }

    /// The service over `store`, with no checkpoint key (the command line, the tests).
    public init(store: Store, disclosure: DisclosureControl = .init()) {
        self.init(record: RecordService(store: store), disclosure: disclosure)
    }

    public var store: Store { record.store }

    /// The structure as first published, read once from the statistics module's resources.
    static let base: Result<DataStructure, any Error> = Result { try DataStructure.migrationFlows() }

    /// The data structure as it stands in `state`: the published structure and every code added since, in
    /// the order the ledger added them.
    public func structure(in state: ProcessState) throws -> DataStructure {
        let additions = state.codeAdditions.values.sorted {
            (state.lastChanged[.code($0.id)] ?? 0, $0.id) < (state.lastChanged[.code($1.id)] ?? 0, $1.id)
        }
        if let kept = cache.structure(additions: additions.count) { return kept }
        let structure = try Self.base.get().adding(
            additions.map { ($0.codelist, Code(id: $0.code, names: $0.names)) })
        cache.keep(structure, additions: additions.count)
        return structure
    }

    /// The data structure now, with its codelists as they stand (public: codes and flows are not secret).
    public func structure() async throws -> DataStructure {
        try structure(in: try await store.currentState())
    }

    /// The dataflow `id`.
    ///
    /// - Throws: `NotFound` naming `field` when the structure has no such dataflow.
    public func flow(_ id: String, in structure: DataStructure, field: String = "flow") throws -> Dataflow {
        guard let flow = structure.dataflow(id) else {
            throw NotFound(
                field: field,
                "no dataflow '\(id)'; the dataflows are \(structure.dataflows.map(\.id).joined(separator: ", "))")
        }
        return flow
    }

    // MARK: What each principal reads

    /// Which data a reader asks for.
    public enum Selection: Sendable, Hashable {
        /// The newest published release.
        case newestRelease
        /// Release `number`.
        case release(Int)
        /// The newest vintage of every state, committed but not necessarily published: the Secretariat's.
        case committed
    }

    /// The releases published, newest first (everyone reads them).
    public func releases(for principal: Principal?) async throws -> [StatisticalRelease] {
        try await state(for: principal).releases.values.sorted { $0.number > $1.number }
    }

    /// The vintages `principal` may see the record of (their files and counts, not their figures), newest first:
    /// the released ones for the public and observers; every one for the working side.
    public func vintages(for principal: Principal?) async throws -> [(vintage: StatisticalVintage, sequence: Int64)] {
        let state = try await state(for: principal)
        return state.vintages.values.map { ($0, state.lastChanged[.vintage($0.id)] ?? 0) }
            .sorted { $0.sequence > $1.sequence }
    }

    /// The statistics of `flow` as `principal` may read them.
    ///
    /// - Throws: `AuthError.forbidden` when anyone but the Secretariat asks for `.committed`; `NotFound` for a
    ///   flow or a release that does not exist (or, for `.newestRelease`, when nothing is published yet).
    public func dataset(_ flow: String, _ selection: Selection, for principal: Principal?) async throws
        -> StatisticsDataset
    {
        let policy = Policy(principal: principal)
        if selection == .committed {
            try policy.require(
                policy.readsUnpublishedStatistics,
                "read statistics before they are published, which is for the Technical Secretariat")
        }
        let state = try await state(for: principal)
        let structure = try structure(in: state)
        let flow = try self.flow(flow, in: structure)
        let release: StatisticalRelease?
        let vintages: [StatisticalVintage]
        switch selection {
        case .committed:
            release = nil
            var newest: [ParticipantID: StatisticalVintage] = [:]
            for vintage in state.vintages.values where vintage.flow == flow.id {
                if let kept = newest[vintage.area], kept.number > vintage.number { continue }
                newest[vintage.area] = vintage
            }
            vintages = newest.values.sorted { $0.area < $1.area }
        case .newestRelease, .release:
            let number = if case .release(let number) = selection { number } else { state.releases.count }
            guard let found = state.releases[number] else {
                throw NotFound(
                    field: "release",
                    number == 0 ? "no statistical release has been published yet" : "no release \(number) is published")
            }
            release = found
            vintages = found.vintages.compactMap { state.vintages[$0] }.filter { $0.flow == flow.id }
        }
        let cube = try await cube(of: flow, from: vintages, structure: structure)
        return StatisticsDataset(
            structure: structure, flow: flow, release: release, vintages: vintages, cube: cube,
            audience: selection == .committed ? .secretariat : .public)
    }

    /// The observations of vintage `id` as its state committed them, without disclosure control: for the
    /// Secretariat and the state's own delegation. Every vintage stays readable, the earlier ones included.
    ///
    /// - Throws: `NotFound` when there is no such vintage, or `principal` may not read it (the two are not told
    ///   apart).
    public func vintage(_ id: VintageID, for principal: Principal?) async throws -> VintageObservations {
        let state = try await store.currentState()
        let policy = Policy(principal: principal)
        guard let vintage = state.vintages[id],
            policy.readsUnpublishedStatistics || policy.uploadsStatistics(for: vintage.area)
        else { throw NotFound(field: "vintage", "no vintage '\(id)' is recorded") }
        let structure = try structure(in: state)
        let flow = try self.flow(vintage.flow, in: structure)
        return VintageObservations(
            vintage: vintage, structure: structure, flow: flow,
            table: try await observations(of: vintage, structure: structure))
    }

    /// The selection a page or a request without one shows `principal`: the committed figures for the
    /// Secretariat, the newest release for everyone else.
    public func defaultSelection(for principal: Principal?) -> Selection {
        Policy(principal: principal).readsUnpublishedStatistics ? .committed : .newestRelease
    }

    /// The state reduced by the one read policy.
    func state(for principal: Principal?) async throws -> ProcessState {
        try await store.currentState().published(for: Policy(principal: principal).readership)
    }

    /// The cube of `vintages` of `flow`, built once and kept.
    func cube(of flow: Dataflow, from vintages: [StatisticalVintage], structure: DataStructure) async throws -> Cube {
        let key = "\(flow.id)|\(disclosure.threshold)|" + vintages.map(\.id.rawValue).sorted().joined(separator: ",")
        if let kept = cache.cube(key) { return kept }
        var loaded: [Vintage] = []
        for vintage in vintages {
            loaded.append(
                Vintage(
                    flow: flow.id, area: vintage.area.rawValue, sequence: vintage.number,
                    observations: try await observations(of: vintage, structure: structure)))
        }
        let cube = Cube(structure: structure, flow: flow, vintages: loaded, disclosure: disclosure)
        cache.keep(cube, as: key)
        return cube
    }

    /// The observations of `vintage`, read back from the SDMX-CSV kept under the digest its entry carries.
    ///
    /// - Throws: `StoreError.corruptRow` when the file is missing or does not read back whole: `verify` names
    ///   the entry.
    func observations(of vintage: StatisticalVintage, structure: DataStructure) async throws -> ObservationTable {
        if let kept = cache.table(vintage.id) { return kept }
        guard let file = try await store.storedFile(vintage.data.sha256), file.sha256 == vintage.data.sha256,
            let flow = structure.dataflow(vintage.flow)
        else {
            throw StoreError.corruptRow(
                table: "stored_files", key: vintage.data.sha256,
                reason: "the observations of \(vintage.id) are missing")
        }
        let read = SDMXCSVReader(structure: structure, flow: flow, reportingArea: vintage.area.rawValue)
            .read(file.content)
        guard !read.problems.hasErrors, read.table.count == vintage.data.observations else {
            throw StoreError.corruptRow(
                table: "stored_files", key: vintage.data.sha256,
                reason:
                    "the observations of \(vintage.id) do not read back: \(read.problems.errors.first?.description ?? "")"
            )
        }
        cache.keep(read.table, for: vintage.id)
        return read.table
    }
}

/// One dataflow's statistics as a principal reads them: a release's (through disclosure control) or, for the
/// Secretariat, the committed figures.
public struct StatisticsDataset: Sendable {
    public var structure: DataStructure
    public var flow: Dataflow
    /// The release shown; nil for the committed figures.
    public var release: StatisticalRelease?
    /// The vintages the figures come from, one per reporting state.
    public var vintages: [StatisticalVintage]
    public var cube: Cube
    /// `.public` applies disclosure control to every figure.
    public var audience: Cube.Audience

    /// The observations as this reader may see them: for the public, those not withheld (`Cube.publishedTable`).
    public var table: ObservationTable { audience == .public ? cube.publishedTable() : cube.table }

    /// Whether any observation is from Accord's synthetic demo data set, which every page and file must say.
    public var isSynthetic: Bool { cube.table.texts.contains(SyntheticDataSet.source) }

    /// Answers `query`, with disclosure control for the public.
    public func sum(_ query: Query) -> QueryResult { cube.sum(query, for: audience) }
}

/// One vintage's observations, as committed.
public struct VintageObservations: Sendable {
    public var vintage: StatisticalVintage
    public var structure: DataStructure
    public var flow: Dataflow
    public var table: ObservationTable
}
