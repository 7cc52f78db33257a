import AccordCore
import AccordDemo
import AccordDocuments

extension FuzzTarget {
    /// The plan CSV importer (`PlanCSV.read`) against the demo's record: any bytes give a list of problems or
    /// changes, and changes it accepts are changes the rules accept, applied in order as the store applies them.
    static let csv = FuzzTarget(name: "csv", summary: "the plan CSV importer, against the demo's record") { bytes in
        let imported = PlanCSV.read(bytes, against: demo, actor: importer, authority: .editorial(reason: "fuzz"))
        // Each problem by its column and the shape of its reason, each change of the diff by its field.
        Features.count(
            imported.problems.map {
                let column = PlanCSV.columns.contains($0.column) ? $0.column : "another column"
                return "problem \($0.row == 0 ? "file" : "row") \(column): \(Features.shape($0.reason))"
            } + imported.diff.map { "diff \($0.field)" })
        guard imported.isAcceptable else { return }
        var state = demo
        for proposed in imported.changes {
            let entry = LedgerEntry(
                sequence: state.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 1_763_942_400_000),
                actor: proposed.actor, authority: proposed.authority, change: proposed.change)
            do {
                _ = try state.apply(entry)
            } catch {
                preconditionFailure("the importer accepted a change the rules refuse: \(error)")
            }
        }
    }

    /// The ledger's reader and writer, through their public entry points (`LedgerEntry.decode(canonical:)`,
    /// `canonicalEncoding()`), whatever encoding they implement: an entry read is written back, and that
    /// writing reads back as the same entry and writes the same bytes again.
    static let ledger = FuzzTarget(name: "ledger", summary: "the ledger's canonical JSON reader and writer") {
        bytes in
        let entry: LedgerEntry
        do {
            entry = try LedgerEntry.decode(canonical: bytes)
        } catch {
            Features.count("refused: \(Features.place(of: error))")
            return
        }
        Features.count("read: \(entry.change.kind)")
        let encoded: [UInt8]
        do {
            encoded = try entry.canonicalEncoding()
        } catch {
            preconditionFailure("an entry was read but cannot be written: \(error)")
        }
        let again: LedgerEntry
        do {
            again = try LedgerEntry.decode(canonical: encoded)
        } catch {
            preconditionFailure("the canonical encoding does not read back: \(error)")
        }
        precondition(
            again == entry, "an entry does not read back as written: \(String(decoding: encoded, as: UTF8.self))")
        precondition((try? again.canonicalEncoding()) == encoded, "an entry's canonical encoding is not stable")
    }

    /// The demo's record, built once.
    private static let demo: ProcessState = {
        do {
            return try Demo.state()
        } catch {
            fatalError("the demo does not load: \(error)")
        }
    }()

    private static let importer = Actor(name: "fuzz", role: .secretariat)

}
