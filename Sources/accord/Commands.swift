import AccordCore
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

/// `accord verify`: re-hashes the chain, rebuilds every projection, checks that the ledger extends the
/// checkpoints kept outside it, and names the first bad entry.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the ledger's hash chain and every projection against a rebuild from the ledger.",
        discussion: """
            Exits with status 1 and names the first bad sequence number when anything is wrong. A chain that \
            was truncated or rewritten with every hash recomputed is still a well-formed chain: only a \
            checkpoint kept outside the database (--checkpoint) tells it from the one that was signed.
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Check only the hash chain, not the rules and projections.")
    var chainOnly = false

    @Option(
        name: .customLong("checkpoint"),
        help: ArgumentHelp(
            "A signed checkpoint kept outside the database: a file, or the URL it is served at "
                + "(…/api/v1/ledger/checkpoint). The ledger must extend it. Repeat for several.",
            valueName: "file-or-url"))
    var checkpoints: [String] = []

    @Option(
        name: .customLong("key"),
        help: "The ledger's public key (name+id+key, or a file holding it): each checkpoint's signature must verify.")
    var key: String?

    func run() async throws {
        var kept: [SignedCheckpoint] = []
        for source in checkpoints {
            let text = try await readText(source)
            let signed = try note { try SignedCheckpoint(parsing: text) }
            if let key {
                let verifier = try note { try NoteVerifier(vkey: try publicKeyText(key)) }
                do throws(NoteError) {
                    try signed.verify(verifier)
                } catch {
                    throw Failure(description: "accord: the checkpoint \(source) is not signed by that key: \(error)")
                }
            }
            kept.append(signed)
        }
        let (report, fault, head) = try await withRecord(database, migrate: false, logger: makeLogger()) { store in
            let report = try await store.verify(chainOnly ? .chain : .everything)
            let head = try await store.head()
            guard report.isValid, !kept.isEmpty else { return (report, CheckpointFault?.none, head) }
            return (report, try await store.firstFault(extending: kept.map(\.checkpoint)), head)
        }
        guard report.isValid else {
            let sequence = report.firstBadSequence.map(String.init) ?? "?"
            print("FAULT at ledger sequence \(sequence): \(report.problem ?? "unknown problem")")
            throw ExitCode(1)
        }
        if let fault {
            print("FAULT at ledger sequence \(fault.sequence): \(fault.problem)")
            throw ExitCode(1)
        }
        print(
            "OK: \(report.entries) ledger entries re-hashed"
                + (chainOnly
                    ? "."
                    : ", \(report.projectionRows) projection rows and \(report.searchRows) search index rows match "
                        + "a rebuild from the ledger.")
                + " Head: ledger position \(head.sequence), hash \(head.hash)."
                + (kept.isEmpty ? "" : " The ledger extends \(checkpointSummary(kept)).")
                + (kept.isEmpty || key != nil ? "" : " (Signatures not checked: give --key.)"))
    }

    private func checkpointSummary(_ kept: [SignedCheckpoint]) -> String {
        let sizes = kept.map(\.checkpoint.size).sorted().map(String.init).joined(separator: ", ")
        return kept.count == 1 ? "the checkpoint of size \(sizes)" : "the checkpoints of size \(sizes)"
    }
}
