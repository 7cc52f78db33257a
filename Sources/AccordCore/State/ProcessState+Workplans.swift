extension ProcessState {
    /// Adds a network's workplan: proposed by an editorial entry, or adopted as a decision's declared effect.
    mutating func addWorkplan(_ workplan: Workplan, context: Context) throws(ChangeError) {
        guard workplans[workplan.id] == nil else {
            throw .duplicate(field: "workplan.id", reason: "workplan '\(workplan.id)' is already recorded")
        }
        guard workplan.updatesDelegatedBy == nil else {
            throw .invalid(
                field: "workplan.updatesDelegatedBy",
                reason: "a delegation of a workplan's updates is the declared effect delegate-workplan-updates")
        }
        var workplan = workplan
        workplan.approvedBy = try approval(for: workplan.status, context: context, field: "workplan.status")
        try checkWorkplan(workplan)
        workplans[workplan.id] = workplan
    }

    /// Replaces a workplan's title or status. Once approved it changes substantively (its authoritative
    /// title, its end) only as a decision at its approval level declares it, or one of its network's once
    /// its updates are delegated; a translation and progress among the current statuses are editorial.
    mutating func amendWorkplan(_ workplan: Workplan, context: Context) throws(ChangeError) {
        guard let old = workplans[workplan.id] else {
            throw .unknownReference(field: "workplan.id", reason: "no workplan has the code '\(workplan.id)'")
        }
        guard workplan.body == old.body else {
            throw .ruleViolation(
                field: "workplan.body", rule: "workplan-of-network",
                reason: "workplan '\(workplan.id)' is the \(old.body)'s; a workplan cannot change network")
        }
        guard workplan.updatesDelegatedBy == nil || workplan.updatesDelegatedBy == old.updatesDelegatedBy else {
            throw .invalid(
                field: "workplan.updatesDelegatedBy",
                reason: "a delegation of a workplan's updates is the declared effect delegate-workplan-updates")
        }
        var workplan = workplan
        // Like an item's, a workplan's approval is fixed by the decision that first adopted it.
        workplan.approvedBy = old.approvedBy
        workplan.updatesDelegatedBy = old.updatesDelegatedBy
        if old.status != workplan.status {
            guard old.status.canMove(to: workplan.status) else {
                throw .ruleViolation(
                    field: "workplan.status", rule: "status-transition",
                    reason:
                        "workplan '\(workplan.id)' cannot move from \(old.status.rawValue) to \(workplan.status.rawValue)"
                )
            }
            if old.status == .proposed {
                workplan.approvedBy = try approval(for: workplan.status, context: context, field: "workplan.status")
            } else if workplan.status.isArchived {
                try requireAgreement(
                    on: old, to: "make it \(workplan.status.rawValue)", field: "workplan.status", context: context)
            }
        }
        if old.status != .proposed, old.title != workplan.title,
            Substance.texts(old.title, workplan.title, field: "title", lexicon: context.lexicon)
                .contains(where: { $0.weight == .substantive })
        {
            try requireAgreement(on: old, to: "change its title", field: "workplan.title", context: context)
        }
        try checkWorkplan(workplan)
        workplans[workplan.id] = workplan
    }

    /// Delegates a workplan's updates to its own network, as a decision at its approval level declares.
    mutating func delegateUpdates(of id: WorkplanID, context: Context) throws(ChangeError) {
        guard var workplan = workplans[id] else {
            throw .unknownReference(field: "workplan", reason: "no workplan has the code '\(id)'")
        }
        guard workplan.status.isCurrent else {
            throw .ruleViolation(
                field: "workplan", rule: "workplan-current",
                reason:
                    "workplan \(id) is \(workplan.status.rawValue); only a workplan in force has updates to delegate")
        }
        // The network cannot delegate to itself what it was not given: only the approval level does.
        try requireAgreement(
            on: workplan, to: "delegate its updates to \(workplan.body)", field: "workplan", context: context,
            acceptingDelegation: false)
        workplan.updatesDelegatedBy = context.decision
        workplans[id] = workplan
    }

    /// A workplan's substantive change needs a decision at its approval level, or (once its updates are
    /// delegated, and `acceptingDelegation`) a decision of its own network's meeting.
    func requireAgreement(
        on workplan: Workplan, to action: @autoclosure () -> String, field: String, context: Context,
        acceptingDelegation: Bool = true
    ) throws(ChangeError) {
        guard context.enforcesAuthority, let approvedBy = workplan.approvedBy else { return }
        let level = approvalLevel(of: workplan) ?? .network
        if let body = context.body, context.decision != nil {
            if body.level >= level { return }
            if acceptingDelegation, workplan.updatesDelegatedBy != nil, body.id == workplan.body { return }
        }
        let delegation =
            workplan.updatesDelegatedBy.map { " (or, as \($0) delegated its updates, of \(workplan.body))" }
            ?? " (or, once a decision at that level delegates its updates, of \(workplan.body))"
        let reason: String =
            if let decision = context.decision, let body = context.body {
                "\(decision) is of the \(body.id) (\(body.level.rawValue) level), which cannot change it"
            } else {
                "this is substantive, not editorial"
            }
        throw .ruleViolation(
            field: field, rule: "approval-level",
            reason: "workplan \(workplan.id) was approved by \(approvedBy) at the \(level.rawValue) level; \(reason): "
                + "to \(action()) needs a decision of \(bodies(atOrAbove: level))"
                + (acceptingDelegation ? delegation : "") + " that declares the change as its effect")
    }

    private func checkWorkplan(_ workplan: Workplan) throws(ChangeError) {
        try Check.code(workplan.id.rawValue, field: "workplan.id")
        guard let body = bodies[workplan.body] else {
            throw .unknownReference(field: "workplan.body", reason: "no body has the code '\(workplan.body)'")
        }
        guard body.level == .network else {
            throw .ruleViolation(
                field: "workplan.body", rule: "workplan-of-network",
                reason: "workplans belong to networks; '\(body.id)' is at the \(body.level.rawValue) level")
        }
        try Check.localized(workplan.title, field: "workplan.title", limit: TextLimit.title)
    }
}
