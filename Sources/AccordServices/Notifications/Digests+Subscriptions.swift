import AccordCore
import AccordStore
import Foundation

/// Who receives e-mail digests: the administrator's `accord digest subscribe/unsubscribe` names any account;
/// the pages and the API (`/{lang}/changes`, `/api/v1/changes/digest`) change only the signed-in principal's
/// own. Both go through the same functions, so the address is checked the same way wherever it is typed.
extension Digests {
    /// Subscribes `username` to digests at `address`, starting from the ledger's head: the first digest holds
    /// what changes from now on. Subscribing again changes the address and keeps the position.
    ///
    /// - Throws: `AuthError.invalid` naming `username` for no such active account, `address` for an address
    ///   that is not one mailbox (`name@domain`, no spaces or angle brackets).
    public static func subscribe(_ username: String, address: String, in store: Store) async throws
        -> DigestSubscription
    {
        let username = username.lowercased()
        guard let account = try await store.account(named: username), !account.isDisabled else {
            throw AuthError.invalid(field: "username", reason: "no active account '\(username)'")
        }
        let address = try checked(address)
        let time = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        try await store.subscribeToDigests(
            account.username, address: address, after: try await store.head().sequence, at: time)
        return try await store.digestSubscription(of: account.username)
            ?? DigestSubscription(username: account.username, address: address, digestedThrough: 0)
    }

    /// Ends the subscription of `username`; false when it had none.
    public static func unsubscribe(_ username: String, in store: Store) async throws -> Bool {
        try await store.unsubscribeFromDigests(username.lowercased())
    }

    /// The subscription of `username`, nil when it has none.
    public static func subscription(of username: String, in store: Store) async throws -> DigestSubscription? {
        try await store.digestSubscription(of: username.lowercased())
    }

    // MARK: The signed-in principal's own

    /// The subscription of the principal's own account, nil when it has none.
    ///
    /// - Throws: `AuthError.notSignedIn` for the public; `AuthError.forbidden` in the trial mode, which has no
    ///   account to send a digest for.
    public static func subscription(for principal: Principal?, in store: Store) async throws -> DigestSubscription? {
        try await subscription(of: try account(of: principal), in: store)
    }

    /// Subscribes the principal's own account at `address`, as `subscribe(_:address:in:)` does; nothing in the
    /// request can name another account.
    ///
    /// - Throws: as `subscription(for:in:)`, and `AuthError.invalid` naming `address`.
    public static func subscribe(_ principal: Principal?, address: String, in store: Store) async throws
        -> DigestSubscription
    {
        try await subscribe(try account(of: principal), address: address, in: store)
    }

    /// Ends the subscription of the principal's own account; false when it had none.
    ///
    /// - Throws: as `subscription(for:in:)`.
    public static func unsubscribe(_ principal: Principal?, in store: Store) async throws -> Bool {
        try await unsubscribe(try account(of: principal), in: store)
    }

    /// The account whose subscription the principal may change: its own, and only when it has one.
    private static func account(of principal: Principal?) throws -> String {
        try Principal.ownAccount(of: principal, "send digests for")
    }

    /// `address` trimmed, when it is one mailbox: `name@domain`, with a dot in the domain, and none of the
    /// characters that would let it name several recipients or break a mail header.
    ///
    /// - Throws: `AuthError.invalid` naming `address`.
    static func checked(_ address: String) throws -> String {
        let address = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(
            CharacterSet(charactersIn: "<>,;\"()[]\\"))
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), address.unicodeScalars.allSatisfy({ !forbidden.contains($0) }),
            address.utf8.count <= 254
        else {
            let shown = address.isEmpty ? "an empty address" : "'\(address)'"
            throw AuthError.invalid(field: "address", reason: "\(shown) is not one e-mail address (name@domain)")
        }
        return address
    }
}
