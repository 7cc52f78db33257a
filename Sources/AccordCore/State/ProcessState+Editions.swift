extension ProcessState {
    /// The Secretariat proposes edition N of the Plan of Action: the plan at a ledger position after the last
    /// published edition's. Proposing again before the Presidency approves replaces the proposal.
    ///
    /// DESIGN.md §3 rule 6: the revision report of a proposed edition must have no difference without the
    /// agreement that covers it. Every substantive change the ledger holds is a decision's declared effect,
    /// so the one difference left uncovered is an editorial change challenged as substantive and not yet
    /// settled: while one is held, no edition is proposed or approved.
    mutating func propose(_ edition: Edition) throws(ChangeError) {
        let next = (editions.values.filter(\.isPublished).map(\.number).max() ?? 0) + 1
        guard edition.number == next else {
            throw .invalid(field: "edition.number", reason: "the next edition is number \(next)")
        }
        guard edition.status == .proposed, edition.approvedBy == nil else {
            throw .invalid(
                field: "edition.status",
                reason: "the Secretariat proposes an edition; the Presidency approves it (approve-edition)")
        }
        let floor = editions[next - 1]?.position ?? 0
        guard edition.position > floor, edition.position <= sequence else {
            throw .invalid(
                field: "edition.position",
                reason: "an edition publishes a ledger position after edition \(next - 1)'s (\(floor)) and "
                    + "no later than the last entry (\(sequence))")
        }
        try Check.localized(edition.title, field: "edition.title", limit: TextLimit.title)
        try requireNoHeldChallenge(field: "edition")
        editions[edition.number] = edition
    }

    /// The Presidency approves the proposed edition `number`, citing a decision in force of the highest level
    /// that declares the approval of a revised plan; each such declaration approves one edition.
    mutating func approveEdition(_ number: Int, context: Context) throws(ChangeError) {
        guard var edition = editions[number] else {
            throw .unknownReference(field: "edition", reason: "no edition \(number) is proposed")
        }
        guard edition.status == .proposed else {
            throw .ruleViolation(
                field: "edition", rule: "edition-approval", reason: "edition \(number) is already approved")
        }
        guard let id = context.authority.decision, let decision = decisions[id] else {
            throw .ruleViolation(
                field: "authority", rule: "edition-approval",
                reason: "approving an edition cites the decision that approves the revised plan")
        }
        guard decision.isInForce else {
            throw .ruleViolation(
                field: "authority.decision", rule: "edition-approval",
                reason: "\(id) is \(decision.status.rawValue), not in force; it authorizes nothing yet")
        }
        guard let body = meetings[decision.meeting].flatMap({ bodies[$0.body] }), body.level >= highestLevel else {
            throw .ruleViolation(
                field: "authority.decision", rule: "edition-approval",
                reason:
                    "\(id) is not a decision of the \(highestLevel.rawValue) level, which approves the Plan of Action")
        }
        let declared = decision.effects.filter { $0 == .approveRevisedPlan }.count
        guard declared > 0 else {
            throw .ruleViolation(
                field: "authority.decision", rule: "declared-effect",
                reason: "\(id) declares no approval of a revised Plan of Action (approve-revised-plan); it cannot "
                    + "approve an edition")
        }
        let used = editions.values.filter { $0.approvedBy == id }.map(\.number).sorted()
        guard used.count < declared else {
            throw .ruleViolation(
                field: "authority.decision", rule: "edition-approval",
                reason: "\(id) approves \(declared == 1 ? "one revised plan" : "\(declared) revised plans"), "
                    + "already published as edition \(used.map(String.init).joined(separator: ", "))")
        }
        try requireNoHeldChallenge(field: "edition")
        edition.status = .approved
        edition.approvedBy = id
        editions[number] = edition
    }

    /// A held challenge is a difference without agreement, and it blocks an edition.
    private func requireNoHeldChallenge(field: String) throws(ChangeError) {
        if let held = challenges.values.filter({ $0.status == .held }).min(by: { $0.sequence < $1.sequence }) {
            throw .ruleViolation(
                field: field, rule: "revision-report",
                reason:
                    "the change at entry \(held.sequence) to \(held.item) is challenged by \(held.challenger) and "
                    + "not yet settled; a decision must settle \(held.id) before the plan is published")
        }
    }
}
