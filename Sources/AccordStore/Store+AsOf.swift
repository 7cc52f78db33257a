import AccordCore
import SQLKit

extension Store {
    /// The record as it stood on `date`, whatever order its entries were typed in: the decisions dated up to
    /// it (a decision's date is its meeting's) and the editorial changes entered up to it, replayed through
    /// the rules from the whole ledger (`ProcessState.replaying(_:asOf:lexicon:)`).
    ///
    /// This is history by date. The record's own history, entry by entry, is `state(at:)`.
    public func state(asOf date: PartialDate) async throws -> ProcessState {
        let entries = try await database.transaction(writing: false) { db in
            let head = try await LedgerTable.head(on: db).sequence
            var entries: [StoredEntry] = []
            var from: Int64 = 1
            // In pages, so that a long ledger is not one result set held by the driver.
            while from <= head {
                let upper = min(head, from + 999)
                entries += try await LedgerTable.entries(in: from...upper, on: db)
                from = upper + 1
            }
            return entries
        }
        return ProcessState.replaying(try entries.lazy.map { try $0.decoded() }, asOf: date, lexicon: lexicon)
    }

    /// The record as it stood after `meeting`: as of its last day, so with its own decisions and those of
    /// every meeting held by then.
    ///
    /// - Throws: `ChangeError.unknownReference` for an unknown meeting; `ChangeError.invalid` for a meeting
    ///   whose date is not on record.
    public func state(after meeting: MeetingID) async throws -> ProcessState {
        guard let target = try await currentState().meetings[meeting] else {
            throw ChangeError.unknownReference(field: "meeting", reason: "no meeting has the code '\(meeting)'")
        }
        guard let date = target.end ?? target.start else {
            throw ChangeError.invalid(
                field: "meeting", reason: "\(meeting) has no date on record, so it has no place in the history")
        }
        return try await state(asOf: date)
    }
}
