/// Challenges of editorial changes (DESIGN.md §3 rule 4): a member state holds one; a decision's declared
/// effect settles it.
extension ProcessState {
    mutating func challenge(_ statement: ChallengeStatement, context: Context) throws(ChangeError)
        -> (ChallengeID, ItemNumber)
    {
        guard let editorial = editorials[statement.sequence] else {
            throw .unknownReference(
                field: "challenge.sequence",
                reason: "entry \(statement.sequence) is not an editorial change to an approved item")
        }
        guard let participant = participants[statement.participant], participant.kind == .memberState else {
            throw .ruleViolation(
                field: "challenge.participant", rule: "member-challenges",
                reason: "only a member state can challenge an editorial change")
        }
        _ = try speaker(for: participant.id, context: context, field: "challenge.participant")
        try Check.localized(statement.reason, field: "challenge.reason", limit: TextLimit.reason)
        let id = Challenge.id(of: statement.sequence)
        guard challenges[id] == nil else {
            throw .duplicate(field: "challenge.sequence", reason: "entry \(statement.sequence) is already challenged")
        }
        guard var item = items[editorial.item], editorial.after.isHeld(by: item) else {
            throw .ruleViolation(
                field: "challenge.sequence", rule: "challenge-stale",
                reason:
                    "\(editorial.item) has changed since entry \(statement.sequence); challenge the later change instead"
            )
        }
        item.apply(editorial.before)
        items[item.number] = item
        challenges[id] = Challenge(
            sequence: statement.sequence, item: item.number, challenger: participant.id, reason: statement.reason,
            before: editorial.before, after: editorial.after)
        return (id, item.number)
    }

    mutating func settle(_ id: ChallengeID, _ settlement: Settlement, context: Context) throws(ChangeError)
        -> [EntityRef]
    {
        guard var challenge = challenges[id] else {
            throw .unknownReference(field: "challenge", reason: "no challenge '\(id)' is recorded")
        }
        guard challenge.status == .held else {
            throw .ruleViolation(
                field: "challenge", rule: "challenge-held", reason: "\(id) is already \(challenge.status.rawValue)")
        }
        guard var item = items[challenge.item] else {
            throw .unknownReference(field: "challenge", reason: "no plan item has the number '\(challenge.item)'")
        }
        guard let decision = context.decision else {
            throw .ruleViolation(
                field: "authority", rule: "settled-by-decision",
                reason: "only a decision settles a challenge, as its declared effect")
        }
        // Confirming the change is agreeing to it: the same agreement a substantive change needs.
        if settlement == .confirm {
            try requireAgreement(on: item, to: "confirm the challenged change", field: "authority", context: context)
            item.apply(challenge.after)
            items[item.number] = item
        }
        challenge.status = settlement == .confirm ? .confirmed : .rejected
        challenge.settledBy = decision
        challenges[id] = challenge
        return [.challenge(id), .item(item.number)]
    }
}
