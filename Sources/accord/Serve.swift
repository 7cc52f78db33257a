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
            With --demo, the demo is loaded into the database (accord.sqlite unless one is named) when it is \
            empty or new; when it already holds the demo, it is served as it is, with new passwords for the demo \
            accounts. A database holding another record is refused: name a new one for the demo.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "A folder whose files are served as they are, e.g. an installation's logo.")
    var publicFolder: String?

    @Flag(
        help: ArgumentHelp(
            "A reverse proxy on this machine (nginx) stands in front: the client's address, which sign-in "
                + "throttling counts, is the X-Real-IP it sends on loopback connections."))
    var behindProxy = false

    @Flag(help: "Load the demo (the Regional Conference on Migration) into the database first, unless it holds it.")
    var demo = false

    @Option(
        help: ArgumentHelp(
            "The file of the key that signs a checkpoint of the ledger's head after every write (or "
                + "ACCORD_CHECKPOINT_KEY); make it with `accord checkpoint key`.",
            valueName: "file"))
    var checkpointKey: String?

    @Option(help: ArgumentHelp("The most bytes an attached file may have.", valueName: "bytes"))
    var maxAttachmentBytes = AttachmentService.defaultMaximumBytes

    @Option(
        help: ArgumentHelp(
            "How often e-mail digests go to the subscribed accounts when an SMTP server is configured "
                + "(ACCORD_SMTP_HOST): hourly, daily (06:00 UTC) or daily@HH:MM (UTC).",
            valueName: "interval"))
    var digestInterval = "daily"

    func validate() throws {
        guard DigestInterval(digestInterval) != nil else {
            throw ValidationError("--digest-interval: give hourly, daily or daily@HH:MM (UTC), not '\(digestInterval)'")
        }
    }

    func run() async throws {
        // Once, before anything records: the counters `/metrics` shows (requests, ledger appends, page cache).
        ServerMetrics.bootstrap()
        let logger = makeLogger()
        let keyFile = checkpointKey ?? ProcessInfo.processInfo.environment["ACCORD_CHECKPOINT_KEY"]
        let signer = try keyFile.map(readSignerKey)
        let location = try database.location()
        try await withStore(location, logger: logger, filesFolder: database.filesFolder) { store in
            if demo {
                if try await store.head().sequence == 0 {
                    try await loadDemo(into: store)
                    let entries = try await store.head().sequence
                    logger.info("demo loaded", metadata: ["entries": "\(entries)", "database": "\(location)"])
                } else {
                    try await requireDemo(in: store)
                    logger.info("serving the demo loaded before", metadata: ["database": "\(location)"])
                }
                try await addDemoAccounts(to: store)
            }
            logger.info("serving", metadata: ["database": "\(location)", "address": "http://\(hostname):\(port)"])
            do {
                try await serve(
                    store: store,
                    configuration: ServerConfiguration(
                        hostname: hostname, port: port, publicFolder: publicFolder, checkpointSigner: signer,
                        isBehindProxy: behindProxy,
                        digests: SMTPSettings(environment: ProcessInfo.processInfo.environment).map {
                            DigestConfiguration(settings: $0, interval: DigestInterval(digestInterval) ?? .daily)
                        }, maximumAttachmentBytes: maxAttachmentBytes),
                    logger: logger)
            } catch let error as ServeError {
                throw Failure(description: "accord serve: \(error)")
            }
        }
    }
}

/// The demo's accounts: one per kind of user, so that a newcomer can see the application as the Secretariat,
/// the Presidency, two delegations and an observer.
let demoAccounts: [(username: String, name: String, role: String, participant: String?)] = [
    ("secretariat", "Technical Secretariat", "secretariat", nil),
    ("presidency", "Presidency Pro-Tempore", "presidency", nil),
    ("mexico", "Delegation of Mexico", "delegate", "MEX"), ("canada", "Delegation of Canada", "delegate", "CAN"),
    ("iom", "IOM", "observer", "IOM"),
]

/// Refuses a database that holds a record other than the demo: one whose ledger does not begin with the
/// demo's first and last changes.
func requireDemo(in store: Store) async throws {
    let demo = Demo.changes
    let (first, last) = (try await store.entry(1)?.decoded(), try await store.entry(Int64(demo.count))?.decoded())
    guard first?.change == demo.first?.change, last?.change == demo.last?.change else {
        let entries = try await store.head().sequence
        throw Failure(
            description: "accord: \(store.location) already holds a record (\(entries) ledger entries) that is not "
                + "the demo; name a new database for the demo with --database-url")
    }
}

/// Adds the demo accounts, or gives them new passwords where they exist, and prints each password once.
func addDemoAccounts(to store: Store) async throws {
    let accounts = AccountService(store: store)
    print("Demo accounts (passwords are new on every start):")
    for (username, name, role, participant) in demoAccounts {
        let password = "demo-" + String(UUID().uuidString.prefix(13)).lowercased()
        if try await store.account(named: username) != nil {
            try await accounts.setPassword(password, of: username)
            try await accounts.setDisabled(false, username: username)
        } else {
            try await accounts.addAccount(
                username: username, displayName: name, role: role, participant: participant, language: "en",
                password: password)
        }
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
