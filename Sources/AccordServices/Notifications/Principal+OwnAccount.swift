/// What an account keeps for itself beside the record — the mark of its last visit, its e-mail digest — belongs
/// to the signed-in account alone: never one a request names, and none for the public or the trial mode.
extension Principal {
    /// The username of the account `principal` is signed in as, whose own bookkeeping it may read and change.
    ///
    /// - Parameter purpose: what the account would be kept for, to say why the trial mode is refused
    ///   ("remember a visit for").
    /// - Throws: `AuthError.notSignedIn` for the public; `AuthError.forbidden` in the trial mode, which has no
    ///   account.
    static func ownAccount(of principal: Principal?, _ purpose: String) throws -> String {
        guard let principal else { throw AuthError.notSignedIn }
        guard !principal.isTrial else {
            throw AuthError.forbidden("the trial mode has no account to \(purpose); add an account and sign in")
        }
        return principal.username
    }
}
