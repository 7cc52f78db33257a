import AccordCore
import AccordStore

/// The demo dataset: the Regional Conference on Migration as the seeds and public facts describe it.
public enum Demo {
    /// The demo's changes, in the order they are appended.
    public static var changes: [ProposedChange] { [] }

    /// Appends the demo to `store` through the ledger, like any other change.
    public static func load(into store: Store) async throws {
        try await store.append(changes)
    }
}
