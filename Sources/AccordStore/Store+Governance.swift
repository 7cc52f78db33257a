import AccordCore

/// A point of the ledger to show or compare the plan at: an edition, a ledger position, or now.
public enum PlanPoint: Sendable, Hashable, CustomStringConvertible {
    case edition(Int)
    case position(Int64)
    case head

    /// Reads "3" (edition 3), "@120" (ledger position 120) or "head"/"now".
    public init?(_ text: String) {
        if text == "head" || text == "now" {
            self = .head
        } else if text.hasPrefix("@"), let position = Int64(text.dropFirst()), position >= 0 {
            self = .position(position)
        } else if let number = Int(text), number > 0 {
            self = .edition(number)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .edition(let number): "edition \(number)"
        case .position(let position): "ledger position \(position)"
        case .head: "the working plan"
        }
    }
}

extension Store {
    /// The record as it stood at `point`.
    ///
    /// - Throws: `ChangeError.unknownReference` for an edition not published, `.invalid` for a position the
    ///   ledger has not reached, each naming `field`.
    public func state(at point: PlanPoint, field: String = "edition") async throws -> ProcessState {
        switch point {
        case .head:
            return try await currentState()
        case .position(let position):
            do {
                return try await state(at: position)
            } catch ChangeError.invalid(_, let reason) {
                // Named as the caller reads it: `asOf` in the plan's views, `from` or `to` in a comparison.
                throw ChangeError.invalid(field: field, reason: reason)
            }
        case .edition(let number):
            let current = try await currentState()
            guard let edition = current.editions[number] else {
                let published = current.editions.keys.sorted().map(String.init).joined(separator: ", ")
                throw ChangeError.unknownReference(
                    field: field,
                    reason: "edition \(number) is not published"
                        + (published.isEmpty ? "; no edition is published yet" : "; published: \(published)"))
            }
            return try await state(at: edition.position)
        }
    }

    /// The revision report for the working plan plus `draft`, against the last published edition.
    public func revisionReport(draft: [ProposedChange] = []) async throws -> RevisionReport {
        let current = try await currentState()
        let edition = current.editions.values.filter(\.isPublished).max { $0.number < $1.number }
        var base = ProcessState()
        if let edition { base = try await state(at: edition.position) }
        let from = base.sequence
        let entries: [LedgerEntry] =
            if from < current.sequence {
                try await database.withSession { db in
                    try await LedgerTable.entries(in: (from + 1)...current.sequence, on: db)
                }.map { try $0.decoded() }
            } else {
                []
            }
        return RevisionReport(
            edition: edition?.number, base: base, entries: entries.filter { $0.sequence <= current.sequence },
            draft: draft, recordedAt: Clock.now(), lexicon: lexicon)
    }
}
