import AccordCore
import SQLKit

/// What `verify` found.
public struct VerificationReport: Sendable, Codable, Equatable {
    /// How many ledger entries were re-hashed.
    public var entries: Int64
    /// How many projection rows were compared with the rebuilt ones.
    public var projectionRows: Int
    /// The first ledger sequence at which something is wrong, if anything is.
    public var firstBadSequence: Int64?
    /// What is wrong there.
    public var problem: String?

    /// Whether the chain and the projections are exactly what the ledger implies.
    public var isValid: Bool { firstBadSequence == nil && problem == nil }
}

/// How much `verify` checks.
public enum VerificationScope: Sendable {
    /// The hash chain only: sequence, links and hashes.
    case chain
    /// The chain, each entry against the rules, and every projection row against a rebuild from the ledger.
    case everything
}

extension Store {
    /// Re-hashes the chain, replays every entry through the rules, rebuilds every projection and compares it
    /// with what is stored, and names the first bad sequence number.
    public func verify(_ scope: VerificationScope = .everything, pageSize: Int64 = 2_000) async throws
        -> VerificationReport
    {
        try await database.transaction(writing: false) { db in
            var replay = Replay(scope: scope)
            let head = try await LedgerTable.head(on: db)
            var lower: Int64 = 1
            while lower <= head.sequence, replay.failure == nil {
                let upper = min(head.sequence, lower + pageSize - 1)
                let page = try await LedgerTable.entries(in: lower...upper, on: db)
                for stored in page where replay.failure == nil { replay.check(stored) }
                if replay.failure == nil, replay.next != upper + 1 {
                    replay.fail(replay.next, "entry \(replay.next) is missing from the ledger")
                }
                lower = upper + 1
            }
            var report = VerificationReport(
                entries: replay.next - 1, projectionRows: 0, firstBadSequence: replay.failure?.sequence,
                problem: replay.failure?.problem)
            guard scope == .everything, replay.failure == nil else { return report }
            let stored = try await EntityVersionsTable.allVersions(on: db)
            report.projectionRows = stored.count
            if let (sequence, problem) = Self.compare(stored: stored, expected: replay.versions) {
                report.firstBadSequence = sequence
                report.problem = problem
            }
            return report
        }
    }

    /// The earliest difference between the stored projection rows and the rows the ledger implies.
    private static func compare(stored: [EntityVersion], expected: [EntityRef: [(Int64, String)]]) -> (Int64, String)? {
        var problems: [(Int64, String)] = []
        let storedByRef = Dictionary(grouping: stored, by: \.ref)
        for ref in Set(storedByRef.keys).union(expected.keys) {
            let have = (storedByRef[ref] ?? []).sorted { $0.validFrom < $1.validFrom }
            let want = expected[ref] ?? []
            for index in 0..<max(have.count, want.count) {
                guard index < have.count else {
                    problems.append((want[index].0, "the projection of \(ref) lacks the version made by entry \(want[index].0)"))
                    break
                }
                guard index < want.count else {
                    problems.append((have[index].validFrom, "the projection of \(ref) has a version no entry made"))
                    break
                }
                let (sequence, document) = want[index]
                let version = have[index]
                let validTo = index + 1 < want.count ? want[index + 1].0 : nil
                if version.validFrom != sequence || version.validTo != validTo {
                    problems.append((min(sequence, version.validFrom), "the projection of \(ref) has the wrong validity"))
                    break
                }
                if version.document != document {
                    problems.append((sequence, "the projection of \(ref) differs from what entry \(sequence) made"))
                    break
                }
            }
        }
        return problems.min { $0.0 < $1.0 }
    }
}

/// The state of one pass over the ledger.
private struct Replay {
    let scope: VerificationScope
    var next: Int64 = 1
    var previousHash = HashChain.genesis
    var state = ProcessState()
    /// For each entity, the (sequence, document) of each version the ledger implies.
    var versions: [EntityRef: [(Int64, String)]] = [:]
    var failure: (sequence: Int64, problem: String)?

    init(scope: VerificationScope) { self.scope = scope }

    mutating func fail(_ sequence: Int64, _ problem: String) {
        if failure == nil { failure = (sequence, problem) }
    }

    mutating func check(_ stored: StoredEntry) {
        guard stored.sequence == next else {
            return fail(next, "entry \(next) is missing from the ledger")
        }
        guard stored.previousHash == previousHash else {
            return fail(stored.sequence, "entry \(stored.sequence) does not link to the hash of the entry before it")
        }
        guard HashChain.hash(previous: previousHash, entry: stored.entry.utf8) == stored.hash else {
            return fail(stored.sequence, "entry \(stored.sequence) does not match its hash: its content was changed")
        }
        previousHash = stored.hash
        next += 1
        guard scope == .everything else { return }
        let entry: LedgerEntry
        do {
            entry = try stored.decoded()
        } catch {
            return fail(stored.sequence, "entry \(stored.sequence) cannot be read: \(error)")
        }
        guard entry.sequence == stored.sequence, entry.recordedAt.description == stored.recordedAt,
            entry.actor.description == stored.actor, entry.authority.decision?.rawValue == stored.decision,
            entry.change.kind == stored.kind
        else {
            return fail(stored.sequence, "the columns of entry \(stored.sequence) disagree with its hashed content")
        }
        do {
            let (nextState, changed) = try state.applying(entry)
            for ref in changed {
                versions[ref, default: []].append((entry.sequence, try Projection.row(for: ref, in: nextState).document))
            }
            state = nextState
        } catch {
            fail(stored.sequence, "entry \(stored.sequence) breaks a rule: \(error)")
        }
    }
}
