import AccordCore
import AccordStore

extension AccountService {
    /// Registers the public key a member state's delegate cosigns checkpoints with (a verifier key of a
    /// cosigning key, type 0x04), replacing any before; or removes it when `vkey` is nil.
    ///
    /// - Throws: `AuthError.invalid` naming the field: an unknown account, one that is not a delegate, a key
    ///   that cannot be read or is not a cosigning key.
    public func setWitnessKey(_ vkey: String?, of username: String) async throws {
        let username = username.lowercased()
        guard let account = try await store.account(named: username) else {
            throw AuthError.invalid(field: "username", reason: "no account is named \(username)")
        }
        guard account.role == AccountRole.delegate.rawValue else {
            throw AuthError.invalid(
                field: "username",
                reason: "\(username) is a \(account.role) account; a witness is a member state's delegate")
        }
        guard let vkey else { return try await store.setWitnessKey(nil, of: username) }
        let key: NoteVerifier
        do throws(NoteError) {
            key = try NoteVerifier(vkey: vkey)
        } catch {
            throw AuthError.invalid(field: "vkey", reason: "\(error)")
        }
        guard key.type == .cosignature else {
            throw AuthError.invalid(
                field: "vkey",
                reason: "\(key.name) is not a cosigning key (type 0x04); make one with "
                    + "`accord checkpoint key --witness`")
        }
        try await store.setWitnessKey(key, of: username)
    }
}
