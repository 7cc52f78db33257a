import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord digest`: who receives e-mail digests of what changed, and a round sent now. `accord serve` sends
/// them by itself at `--digest-interval` when an SMTP server is configured (`ACCORD_SMTP_HOST`).
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "E-mail digests of what changed: subscribe and unsubscribe accounts, list them, send a round now.",
        subcommands: [Subscribe.self, Unsubscribe.self, List.self, Send.self])

    struct Subscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send an account's digests to an address, from what changes next (again: change the address).")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        @Option(help: "The e-mail address the digests go to.") var address: String

        func run() async throws {
            let subscription = try await withDigestStore(database) { store in
                try await Digests.subscribe(username, address: address, in: store)
            }
            print(
                "\(subscription.username) receives digests at \(subscription.address), of what changes after "
                    + "ledger position \(subscription.digestedThrough).")
        }
    }

    struct Unsubscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop sending an account's digests.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            let removed = try await withDigestStore(database) { try await Digests.unsubscribe(username, in: $0) }
            guard removed else { throw Failure(description: "accord: \(username.lowercased()) receives no digest") }
            print("\(username.lowercased()) receives no more digests.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The accounts that receive digests.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let subscriptions = try await withDigestStore(database) { try await $0.digestSubscriptions() }
            var table = TextTable("account", "address", "digested through", "last sent")
            for subscription in subscriptions {
                let sent = subscription.sentAt.map {
                    Date(timeIntervalSince1970: TimeInterval($0) / 1000).ISO8601Format()
                }
                table.add(
                    subscription.username, subscription.address, "\(subscription.digestedThrough)", sent ?? "never")
            }
            print(table.rendered)
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every subscribed account its digest now, through ACCORD_SMTP_HOST (for a cron job).",
            discussion: "Exits 1 when a digest could not be sent; its account's position stays for the next round.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let settings = SMTPSettings(environment: ProcessInfo.processInfo.environment) else {
                throw Failure(description: "accord: no SMTP server is configured; set ACCORD_SMTP_HOST")
            }
            let round = try await withDigestStore(database) { store in
                await DigestSender(record: RecordService(store: store), settings: settings).sendRound()
            }
            for (account, count) in round.sent.sorted(by: { $0.key < $1.key }) {
                print("sent \(account): \(count) changes")
            }
            for account in round.unchanged.sorted() { print("nothing new for \(account)") }
            for (account, reason) in round.failed.sorted(by: { $0.key < $1.key }) {
                print("not sent \(account): \(reason)")
            }
            if !round.failed.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Runs `body` over the named database, turning refusals into a clean message.
private func withDigestStore<R>(_ database: DatabaseOptions, _ body: (Store) async throws -> R) async throws -> R {
    try await withStore(try database.location(), logger: makeLogger()) { store in
        do {
            return try await body(store)
        } catch let error as AuthError {
            throw Failure(description: "accord: \(error)")
        }
    }
}
