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
        let dialect = database.dialect
        return try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db)
            guard scope == .everything else {
                var chain = ChainCheck()
                var lower: Int64 = 1
                while lower <= head.sequence, chain.failure == nil {
                    let upper = min(head.sequence, lower + pageSize - 1)
                    chain.check(page: try await LedgerTable.chainPage(lower...upper, dialect: dialect, on: db) ?? "")
                    if chain.failure == nil, chain.next != upper + 1 {
                        chain.fail(chain.next, "entry \(chain.next) is missing from the ledger")
                    }
                    lower = upper + 1
                }
                return VerificationReport(
                    entries: chain.next - 1, projectionRows: 0, firstBadSequence: chain.failure?.sequence,
                    problem: chain.failure?.problem)
            }
            var replay = Replay()
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
            guard replay.failure == nil else { return report }
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
                    problems.append(
                        (want[index].0, "the projection of \(ref) lacks the version made by entry \(want[index].0)"))
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
                    problems.append(
                        (min(sequence, version.validFrom), "the projection of \(ref) has the wrong validity"))
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
    var next: Int64 = 1
    var previousHash = HashChain.genesis
    var state = ProcessState()
    /// For each entity, the (sequence, document) of each version the ledger implies.
    var versions: [EntityRef: [(Int64, String)]] = [:]
    var failure: (sequence: Int64, problem: String)?

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
            let changed = try state.apply(entry)
            for ref in changed {
                versions[ref, default: []].append((entry.sequence, try Projection.row(for: ref, in: state).document))
            }
        } catch {
            fail(stored.sequence, "entry \(stored.sequence) breaks a rule: \(error)")
        }
    }
}

/// The hash chain checked over pages of packed entries (see `LedgerTable.chainPage`), with hashes kept as
/// raw bytes: no row objects, no strings per entry.
private struct ChainCheck {
    var next: Int64 = 1
    var previous = [UInt8](repeating: 0, count: 32)
    var failure: (sequence: Int64, problem: String)?

    mutating func fail(_ sequence: Int64, _ problem: String) {
        if failure == nil { failure = (sequence, problem) }
    }

    mutating func check(page: String) {
        var page = page
        page.withUTF8 { bytes in
            var start = 0
            while start < bytes.count, failure == nil {
                let end = bytes[start...].firstIndex(of: 0x1E) ?? bytes.count
                check(record: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end + 1
            }
        }
    }

    private mutating func check(record: UnsafeBufferPointer<UInt8>) {
        // sequence, previous hash and hash come first; the entry is the rest, whatever it holds.
        var separators: [Int] = []
        for index in record.indices where record[index] == 0x1F {
            separators.append(index)
            if separators.count == 3 { break }
        }
        guard separators.count == 3,
            let sequence = Int64(String(decoding: record[..<separators[0]], as: UTF8.self))
        else {
            return fail(next, "entry \(next) cannot be read from the ledger")
        }
        guard sequence == next else { return fail(next, "entry \(next) is missing from the ledger") }
        guard let linked = HashChain.raw(hex: record[(separators[0] + 1)..<separators[1]]), linked == previous else {
            return fail(sequence, "entry \(sequence) does not link to the hash of the entry before it")
        }
        let entry = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: record[(separators[2] + 1)...]))
        guard let stored = HashChain.raw(hex: record[(separators[1] + 1)..<separators[2]]),
            HashChain.rawHash(previous: previous, entry: entry) == stored
        else {
            return fail(sequence, "entry \(sequence) does not match its hash: its content was changed")
        }
        previous = stored
        next += 1
    }
}
