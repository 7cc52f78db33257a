import AccordServices
import AccordStore
import ArgumentParser

/// Who a command acts and reads as: `--as USERNAME`, a named account whose role (and participant) the ledger
/// records for every change; while the database has no account at all, the trial Secretariat. Without
/// `--as`, a database with accounts is read as the public reads it, and changed by nobody.
struct IdentityOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "The account to act as (its role and participant are recorded); needed to change the record, and to "
                + "read what is not published, once the database has accounts."))
    var username: String?

    /// The principal the options name, over `store`.
    ///
    /// - Throws: `Failure` when the named account does not exist or is disabled.
    func principal(in store: Store) async throws -> Principal? {
        let accounts = AccountService(store: store)
        guard let username else { return try await accounts.trialPrincipal() }
        do {
            return try await accounts.principal(acting: username)
        } catch let error as AuthError {
            throw Failure(description: "--as: \(error)")
        }
    }

    /// The principal the options name, who must be able to change the record.
    func actor(in store: Store) async throws -> Principal {
        guard let principal = try await principal(in: store) else {
            throw Failure(
                description: "the database has accounts: name the one you act as with --as USERNAME, so that the "
                    + "record says who made the change")
        }
        return principal
    }
}
