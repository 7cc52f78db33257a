import AccordCore

/// Who a write is recorded as. Authorization lives here, in the service layer, not in pages: whatever
/// the route, a signed-in principal acts as itself only.
enum Authorization {
    /// The principal of the request being handled; set by `AuthMiddleware` for the whole request.
    @TaskLocal static var principal: Principal?
    /// Whether the installation has no account yet; see `Policy.isOpen`.
    @TaskLocal static var isOpen = false

    /// The actor to record for a write whose body claims `claimed`.
    ///
    /// With a principal, the recorded actor is always the principal's, and a body claiming another role or
    /// another participant is refused: a delegate of Mexico can never act for Canada. Without one (an
    /// installation with no account yet, as the demo runs), the claimed actor stands.
    static func actor(claimed: Actor) throws -> Actor {
        guard let principal else { return claimed }
        guard let actor = principal.actor else {
            throw AuthError.forbidden("\(principal.username) has a reader's account and cannot change the record")
        }
        guard claimed.role == actor.role, claimed.participant == principal.participant else {
            let who = principal.participant.map { "\(principal.role.rawValue) of \($0)" } ?? principal.role.rawValue
            let asked = claimed.participant.map { "\(claimed.role.rawValue) of \($0)" } ?? claimed.role.rawValue
            throw AuthError.forbidden(
                "you are signed in as \(principal.username) (\(who)) and cannot act as a \(asked)")
        }
        return actor
    }
}
