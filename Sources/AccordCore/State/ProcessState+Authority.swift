/// Who may make a change, and on what authority: the checks every entry passes before its change is applied.
extension ProcessState {
    /// DESIGN.md §3 rule 1: a decision authorizes only its declared effects, applied by the entry that brings
    /// it into force. An entry cites a decision only to adopt it, to confirm or reject its transcription, or
    /// (the Presidency) to approve an edition on it; anything else citing one is refused, saying why.
    func checkAuthority(_ authority: Authority, for change: Change, enforcing: Bool) throws(ChangeError) {
        switch authority {
        case .decision(let id):
            // A draft's adoption cites the decision it creates, and no other.
            if case .adoptDraft(let draft) = change, draft.rawValue == id.rawValue { return }
            guard let decision = decisions[id] else {
                throw .unknownReference(
                    field: "authority.decision",
                    reason: "no decision '\(id)' is recorded; record the meeting's paragraph before citing it")
            }
            switch change {
            case .adoptDraft(let draft):
                throw Self.adoptionAuthority(draft)
            case .confirmDecision(let cited), .rejectDecision(let cited, _):
                guard cited == id else {
                    throw .ruleViolation(
                        field: "authority.decision", rule: "transcription-review",
                        reason: "confirming or rejecting \(cited) cites it: {\"decision\": \"\(cited)\"}")
                }
            case .approveEdition: break
            default:
                if enforcing { throw citationRefusal(of: decision, for: change) }
            }
        case .editorial(let reason):
            try Check.text(reason, field: "authority.editorial", limit: TextLimit.reason)
            switch change {
            case .adoptDraft(let id):
                throw Self.adoptionAuthority(id)
            case .confirmDecision(let id), .rejectDecision(let id, _):
                throw .ruleViolation(
                    field: "authority", rule: "transcription-review",
                    reason: "the Presidency confirms or rejects \(id) citing it: {\"decision\": \"\(id)\"}")
            case .approveEdition:
                throw .ruleViolation(
                    field: "authority", rule: "edition-approval",
                    reason: "approving an edition cites the decision of the highest body that approves the revised "
                        + "plan: {\"decision\": \"MEETING/PARAGRAPH\"}")
            default:
                if change.isEffectOnly {
                    throw .ruleViolation(
                        field: "change.kind", rule: "declared-effect",
                        reason: "a \(change.kind) is made only as the declared effect of a decision, applied when "
                            + "the decision comes into force; it is never an entry of its own")
                }
            }
        case .participant(let id):
            guard participants[id] != nil else {
                throw .unknownReference(field: "authority.participant", reason: "no participant has the code '\(id)'")
            }
            guard change.isSubmission else {
                throw .ruleViolation(
                    field: "authority", rule: "authority-kind",
                    reason:
                        "a participant's own authority covers its proposals, comments, positions, challenges and "
                        + "reports; a \(change.kind) needs a decision or an editorial reason")
            }
        }
        if change.isSubmission, authority.participant == nil {
            throw .ruleViolation(
                field: "authority", rule: "authority-kind",
                reason: "a \(change.kind) is a participant's own act: its authority is {\"participant\": \"CODE\"}")
        }
    }

    /// The refusal of an adoption that does not cite the decision the draft becomes.
    static func adoptionAuthority(_ draft: DraftID) -> ChangeError {
        .ruleViolation(
            field: "authority", rule: "adoption-authority",
            reason: "adopting \(draft) cites the decision it becomes: {\"decision\": \"\(draft)\"}")
    }

    /// The bodies whose decisions reach `level`, as a refusal names them: "RCGM or RCM".
    func bodies(atOrAbove level: BodyLevel) -> String {
        let names = bodies.values.filter { $0.level >= level }.map(\.id.rawValue).sorted()
        return names.isEmpty ? "a body" : names.joined(separator: " or ")
    }

    /// The refusal of an entry that cites `decision` for `change` outside the decision's coming into force:
    /// "RCM-II/1 declares no change to MPM-5", or, where it does declare one, when that change applied.
    func citationRefusal(of decision: DecisionID, for change: Change) -> ChangeError {
        guard let record = decisions[decision] else {
            return .unknownReference(field: "authority.decision", reason: "no decision '\(decision)' is recorded")
        }
        return citationRefusal(of: record, for: change)
    }

    private func citationRefusal(of decision: Decision, for change: Change) -> ChangeError {
        let label = change.target.map(Self.label) ?? change.kind
        let declared = change.target.map { decision.effects(on: $0) } ?? []
        let id = decision.id
        let reason: String
        if let index = declared.first {
            switch decision.status {
            case .inForce:
                reason =
                    "\(id) declares its change to \(label) as effects[\(index)], which was applied when the decision "
                    + "came into force, entry \(decision.inForceSince.map(String.init) ?? "?"); citing the decision "
                    + "again authorizes nothing"
            case .pending:
                reason =
                    "\(id) declares a change to \(label) as effects[\(index)], which applies when the Presidency "
                    + "confirms the transcription (confirm-decision); until then it authorizes nothing"
            case .rejected:
                reason = "\(id) was rejected by the Presidency as transcribed; it authorizes nothing"
            }
        } else {
            reason =
                "\(id) declares no change to \(label); such a change is made only as the declared effect of a "
                + "decision, applied when that decision comes into force (adopted from a draft by consensus, or "
                + "transcribed with its effects and confirmed by the Presidency)"
        }
        return .ruleViolation(field: "authority.decision", rule: "declared-effect", reason: reason)
    }

    /// How a refusal names an entity: an item by its number, anything else by its kind and code.
    static func label(_ ref: EntityRef) -> String {
        if case .item(let number) = ref { return number.rawValue }
        return ref.description
    }

    /// Who may make each kind of change: the Secretariat keeps the record, participants speak for themselves,
    /// the Presidency confirms transcriptions, approves editions and agendas. Confirming and approving are
    /// the second person's, so Accord's own loader cannot do them either.
    func checkCapacity(of actor: Actor, for change: Change) throws(ChangeError) {
        // An array, not a set: it is made for every entry, and hashing four roles costs more than scanning them.
        let allowed: [Actor.Role] =
            switch change {
            case .submitProposal, .withdrawProposal, .fileComment, .recordPosition, .challengeEditorial:
                [.delegate, .observer, .secretariat, .system]
            case .tableDraft: [.delegate, .secretariat, .presidency, .system]
            // A country's report is its delegation's (or the Secretariat's on its behalf); observers file none.
            case .fileReport: [.delegate, .secretariat, .system]
            // A member state's statistics are its delegation's to commit (or the Secretariat's on its behalf).
            case .commitVintage: [.delegate, .secretariat, .system]
            // A delegation or an observer attaches to its own documents; the rules say which (`attach`).
            case .attachFile: [.delegate, .observer, .secretariat, .system]
            case .setAgenda: [.secretariat, .presidency, .system]
            case .approveAgenda: [.presidency, .system]
            case .confirmDecision, .rejectDecision, .approveEdition: [.presidency]
            default: [.secretariat, .system]
            }
        guard allowed.contains(actor.role) else {
            let roles = Actor.Role.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
            throw .ruleViolation(
                field: "actor.role", rule: "capacity",
                reason: "a \(actor.role.rawValue) cannot \(change.kind); that is for: \(roles)")
        }
    }
}
