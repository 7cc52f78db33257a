import AccordCore
import AccordStore

/// Mandates, national reports and events as the front ends use them: the report matrix, a report and its
/// revisions, each read through the one read policy; filing, submitting and publishing reports, always as
/// the principal and through Core's rules.
public struct FollowUpService: Sendable {
    public let record: RecordService

    public init(record: RecordService) { self.record = record }

    // MARK: Queries

    /// Mandates × countries for `cycle`, as `principal` may see it: outside the working side, only published
    /// reports count.
    ///
    /// - Throws: `NotFound` (field `cycle`) when no such cycle is recorded.
    public func matrix(of cycle: CycleID, for principal: Principal?) async throws -> ReportMatrix {
        let state = try await record.state(for: principal)
        guard let matrix = ReportMatrix(of: cycle, in: state) else {
            let known = state.cycles.keys.sorted().map(\.rawValue).joined(separator: ", ")
            throw NotFound(
                field: "cycle",
                "no reporting cycle '\(cycle)' is recorded" + (known.isEmpty ? "" : "; the record has \(known)"))
        }
        return matrix
    }

    /// The current revision of report `id`, as `principal` may see it.
    ///
    /// - Throws: `NotFound` (field `report`) when it is not filed, or not published and `principal` reads only
    ///   what is.
    public func report(_ id: ReportID, for principal: Principal?) async throws -> NationalReport {
        guard let report = try await record.state(for: principal).reports[id] else {
            throw NotFound(field: "report", "no report '\(id)' is filed")
        }
        return report
    }

    /// Every revision of report `id` that `principal` may read, oldest first, with the ledger entry that made
    /// each: all of them for the working side; outside it, only the published one.
    public func revisions(of id: ReportID, for principal: Principal?) async throws -> [ReportRevision] {
        _ = try await report(id, for: principal)
        let seesDrafts = Policy(principal: principal).seesWorkingState
        return try await record.store.versions(of: .report(id)).compactMap { version in
            guard case .report(let report) = version.record, seesDrafts || report.status == .published else {
                return nil
            }
            return ReportRevision(entry: version.from, report: report)
        }
    }

    // MARK: Commands

    /// Files (or revises) a report as `principal`, on the country's own authority: a delegate for its own
    /// country, the Secretariat on any country's behalf (which the report records).
    ///
    /// - Throws: `AuthError` without an account that acts; `ChangeError` from the rules, naming the field.
    /// - Parameter authority: the country's own by default, `{"participant": CODE}`; Core refuses any other.
    public func file(_ filing: ReportFiling, authority: Authority? = nil, as principal: Principal?) async throws -> (
        entry: AppendedEntry, report: NationalReport
    ) {
        let entry = try await record.record(
            .fileReport(filing), authority: authority ?? .participant(filing.participant), as: principal)
        return (entry, try await report(filing.reportID, for: principal))
    }

    /// Submits the current revision of report `id` as it stands, as `principal`.
    ///
    /// - Throws: `NotFound` for a report `principal` cannot read; `ChangeError` from the rules.
    public func submit(_ id: ReportID, authority: Authority? = nil, as principal: Principal?) async throws -> (
        entry: AppendedEntry, report: NationalReport
    ) {
        let current = try await report(id, for: principal)
        var filing = current.filing
        filing.status = .submitted
        return try await file(filing, authority: authority, as: principal)
    }

    /// Publishes submitted report `id` after review, as `principal` (the Secretariat).
    public func publish(_ id: ReportID, authority: Authority? = nil, as principal: Principal?) async throws -> (
        entry: AppendedEntry, report: NationalReport
    ) {
        _ = try await report(id, for: principal)
        let entry = try await record.record(
            .publishReport(id), authority: authority ?? .editorial(reason: "published after the cycle's review"),
            as: principal)
        return (entry, try await report(id, for: principal))
    }
}

/// One revision of a report, and the ledger entry that filed (or published) it.
public struct ReportRevision: Sendable, Hashable, Codable {
    public var entry: Int64
    public var report: NationalReport
}
