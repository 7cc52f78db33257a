import AccordCore
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

/// `accord user`: the accounts people sign in with, and the API tokens scripts use.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and disable accounts; make and revoke API tokens.",
        subcommands: [
            Add.self, List.self, Disable.self, Enable.self, Password.self, Token.self, Tokens.self, RevokeToken.self,
            WitnessKey.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account.",
            discussion: """
                The password is read from standard input (one line), so it never shows in the process list or \
                the shell's history: `accord user add ana --role secretariat < password.txt`, or type it when \
                asked. The first account is made this way; until one exists, the API accepts writes from anyone.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The username: 3–64 letters, digits, dots, dashes or underscores.") var username: String
        @Option(help: "secretariat, presidency, delegate, observer or public.") var role: String
        @Option(help: "The member state a delegate acts for, or an observer's country or organization (e.g. MEX).")
        var participant: String?
        @Option(name: .customLong("name"), help: "The name shown on pages (default: the username).")
        var displayName = ""
        @Option(help: "The interface language: es, en or fr.") var language = "en"

        func run() async throws {
            let password = readPassword(prompt: "Password for \(username) (12–72 characters): ")
            try await withAccounts(database) { accounts in
                try await accounts.addAccount(
                    username: username, displayName: displayName, role: role, participant: participant?.uppercased(),
                    language: language, password: password)
            }
            print("Added \(username.lowercased()) (\(role)\(participant.map { " of \($0.uppercased())" } ?? "")).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let accounts = try await withAccounts(database) { try await $0.accountList() }
            var table = TextTable("username", "role", "participant", "lang", "state", "created", "last seen", "name")
            for account in accounts {
                table.add(
                    account.username, account.role.rawValue, account.participant?.rawValue ?? "",
                    account.language.rawValue, account.isActive ? "active" : "disabled", moment(account.createdAt),
                    account.lastSeenAt.map(moment) ?? "", account.displayName)
            }
            print(table.rendered)
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: its sessions and tokens stop working at once.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            try await withAccounts(database) { try await $0.setDisabled(true, username: username) }
            print("Disabled \(username.lowercased()).")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            try await withAccounts(database) { try await $0.setDisabled(false, username: username) }
            print("Enabled \(username.lowercased()).")
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an account's password (read from standard input); its sessions end.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            let password = readPassword(prompt: "New password for \(username) (12–72 characters): ")
            try await withAccounts(database) { try await $0.setPassword(password, of: username) }
            print("Password set for \(username.lowercased()).")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an API token that acts with the account's role; it is shown once.",
            discussion: "Send it as `Authorization: Bearer acc_…`.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        @Option(help: "A name to recognize (and revoke) the token by.") var name: String
        @Option(help: "Days until it expires: 1 to 365 (default: 90).") var days: Int?

        func run() async throws {
            let token = try await withAccounts(database) {
                try await $0.makeToken(for: username, name: name, days: days)
            }
            print(token)
        }
    }

    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an account's tokens: names, dates, last use and hash prefixes, never the tokens.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            let tokens = try await withAccounts(database) { try await $0.tokens(of: username) }
            var table = TextTable("name", "id", "created", "expires", "last used", "kind")
            for token in tokens {
                table.add(
                    token.name, token.id, moment(token.createdAt), token.expiresAt.map(moment) ?? "never",
                    token.lastUsedAt.map(moment) ?? "never", token.isFeedToken ? "feed" : "api")
            }
            print(table.rendered)
        }
    }

    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-token", abstract: "Revoke an API token: it stops working at once.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        @Option(help: "The token's name.") var name: String

        func run() async throws {
            try await withAccounts(database) { try await $0.revokeToken(named: name, of: username) }
            print("Revoked \(username.lowercased())'s token '\(name)'.")
        }
    }

    struct WitnessKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "witness-key",
            abstract: "Register the public key a member state's delegate cosigns checkpoints with.",
            discussion: """
                The delegation makes its key with `accord checkpoint key --witness --name NAME --out FILE` and \
                gives the printed public key (name+id+key) to the Secretariat, never the file. Its cosignatures \
                are then accepted at POST /api/v1/ledger/checkpoint/cosignatures and listed on the edition page.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        @Option(help: "The witness's public key (name+id+key), or a file that holds it.") var vkey: String?
        @Flag(help: "Remove the registered key instead; the cosignatures already kept stay.") var remove = false

        func run() async throws {
            guard remove != (vkey != nil) else {
                throw Failure(description: "accord: give either --vkey KEY or --remove")
            }
            let key = try vkey.map { try publicKeyText($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            try await withAccounts(database) { try await $0.setWitnessKey(key, of: username) }
            print(
                key == nil
                    ? "Removed \(username.lowercased())'s witness key."
                    : "Registered \(username.lowercased())'s witness key.")
        }
    }
}

/// Runs `body` with the account service over the named database, turning refusals into a clean message.
private func withAccounts<R>(_ database: DatabaseOptions, _ body: (AccountService) async throws -> R) async throws -> R
{
    try await withStore(try database.location(), logger: makeLogger()) { store in
        do {
            return try await body(AccountService(store: store))
        } catch let error as AuthError {
            throw Failure(description: "accord: \(error)")
        } catch let error as StoreError {
            throw Failure(description: "accord: \(error)")
        } catch let error as NotFound {
            throw Failure(description: "accord: \(error)")
        } catch let error as ChangeError {
            throw Failure(description: "accord: \(error)")
        }
    }
}

/// A moment as a person reads it, in UTC to the minute: "2026-12-06 15:51".
private func moment(_ milliseconds: Int64) -> String {
    let text = Timestamp(millisecondsSince1970: milliseconds).description
    return text.prefix(10) + " " + text.dropFirst(11).prefix(5)
}

/// One line from standard input, without echo when it is a terminal.
private func readPassword(prompt: String) -> String {
    if isatty(STDIN_FILENO) != 0, let typed = getpass(prompt) {
        return String(cString: typed)
    }
    return readLine(strippingNewline: true) ?? ""
}
