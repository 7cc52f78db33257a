import AccordDemo
import AccordServices
import AccordStore
import AccordWeb
import ArgumentParser
import Foundation

/// `accord serve`: the pages and the JSON API over the store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Accord server.",
        discussion: """
            With --demo and no database named, the demo is loaded into a fresh accord-demo.sqlite (replaced \
            on every start), so your own accord.sqlite is never touched. With --demo and a database named, \
            that database must be empty.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "A folder whose files are served as they are, e.g. an installation's logo.")
    var publicFolder: String?

    @Flag(help: "Load the demo (the Regional Conference on Migration) into a fresh database first.")
    var demo = false

    @Option(
        help: ArgumentHelp(
            "The file of the key that signs a checkpoint of the ledger's head after every write (or "
                + "ACCORD_CHECKPOINT_KEY); make it with `accord checkpoint key`.",
            valueName: "file"))
    var checkpointKey: String?

    func run() async throws {
        let logger = makeLogger()
        let keyFile = checkpointKey ?? ProcessInfo.processInfo.environment["ACCORD_CHECKPOINT_KEY"]
        let signer = try keyFile.map(readSignerKey)
        let location: StoreLocation
        if demo && !database.isExplicit {
            location = .sqlite(path: "accord-demo.sqlite")
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: "accord-demo.sqlite" + suffix)
            }
        } else {
            location = try database.location()
        }
        try await withStore(location, logger: logger) { store in
            if demo {
                try await loadDemo(into: store)
                let entries = try await store.head().sequence
                logger.info("demo loaded", metadata: ["entries": "\(entries)"])
                try await addDemoAccounts(to: store)
            }
            logger.info("serving", metadata: ["database": "\(location)", "address": "http://\(hostname):\(port)"])
            do {
                try await serve(
                    store: store,
                    configuration: ServerConfiguration(
                        hostname: hostname, port: port, publicFolder: publicFolder, checkpointSigner: signer),
                    logger: logger)
            } catch let error as ServeError {
                throw Failure(description: "accord serve: \(error)")
            }
        }
    }
}

/// One account per kind of user, each with a fresh random password printed once, so that a newcomer can
/// see the application as the Secretariat, the Presidency, two delegations and an observer.
func addDemoAccounts(to store: Store) async throws {
    let accounts = AccountService(store: store)
    let people: [(String, String, String, String?)] = [
        ("secretariat", "Technical Secretariat", "secretariat", nil),
        ("presidency", "Presidency Pro-Tempore", "presidency", nil),
        ("mexico", "Delegation of Mexico", "delegate", "MEX"), ("canada", "Delegation of Canada", "delegate", "CAN"),
        ("iom", "IOM", "observer", "IOM"),
    ]
    print("Demo accounts (passwords are new on every start):")
    for (username, name, role, participant) in people {
        let password = "demo-" + String(UUID().uuidString.prefix(13)).lowercased()
        try await accounts.addAccount(
            username: username, displayName: name, role: role, participant: participant, language: "en",
            password: password)
        print(
            "  \(username.padding(toLength: 12, withPad: " ", startingAt: 0)) \(password)  \(role)\(participant.map { " of \($0)" } ?? "")"
        )
    }
    // Now, not when the server stops: with its output going to a file or a journal, standard output is
    // block-buffered, and the passwords are needed to sign in.
    fflush(nil)
}

/// Loads the demo into `store`, which must be empty.
func loadDemo(into store: Store) async throws {
    let head = try await store.head()
    guard head.sequence == 0 else {
        throw Failure(
            description:
                "accord: the database already holds \(head.sequence) ledger entries; the demo goes into an empty one")
    }
    try await store.append(Demo.changes)
    // The synthetic statistics, labelled synthetic in every observation, published as release 1.
    try await StatisticsService(store: store).loadSyntheticDataSet(as: StatisticsService.demoSecretariat)
}
