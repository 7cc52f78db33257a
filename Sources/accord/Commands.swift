import AccordStore
import ArgumentParser

/// `accord demo`: loads the demo into an empty database.
struct LoadDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load the demo (the Regional Conference on Migration) into an empty database.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location()
        try await withStore(location, logger: makeLogger()) { store in
            try await loadDemo(into: store)
            let entries = try await store.head().sequence
            print("Loaded the demo into \(location): \(entries) ledger entries.")
        }
    }
}

/// `accord migrate`: brings the schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the database migrations this Accord needs.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location()
        try await withStore(location, migrate: false, logger: makeLogger()) { store in
            let applied = try await store.migrate()
            print(applied.isEmpty ? "\(location) is up to date." : "Applied to \(location):")
            for migration in applied { print("  \(migration)") }
        }
    }
}

/// `accord verify`: re-hashes the chain, rebuilds every projection, and names the first bad entry.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the ledger's hash chain and every projection against a rebuild from the ledger.",
        discussion: "Exits with status 1 and names the first bad sequence number when anything is wrong.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Check only the hash chain, not the rules and projections.")
    var chainOnly = false

    func run() async throws {
        let (report, head) = try await withRecord(database, migrate: false, logger: makeLogger()) { store in
            (try await store.verify(chainOnly ? .chain : .everything), try await store.head())
        }
        if report.isValid {
            print(
                "OK: \(report.entries) ledger entries re-hashed"
                    + (chainOnly
                        ? "."
                        : ", \(report.projectionRows) projection rows and \(report.searchRows) search index rows match "
                            + "a rebuild from the ledger.")
                    + " Head: ledger position \(head.sequence), hash \(head.hash).")
        } else {
            let sequence = report.firstBadSequence.map(String.init) ?? "?"
            print("FAULT at ledger sequence \(sequence): \(report.problem ?? "unknown problem")")
            throw ExitCode(1)
        }
    }
}
