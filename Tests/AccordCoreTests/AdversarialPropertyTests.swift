import AccordCore
import Testing

/// The governance property test made adversarial: random runs of every kind of change by every role, each
/// accepted step judged by an oracle written apart from the rules, each refused step checked to leave the
/// state as it was, and the accepted ledger replayed from its bytes to the same state.
@Suite("Properties: the rules hold whoever writes")
struct AdversarialPropertyTests {
    static let seeds = Array(UInt64(1)...100)
    static let steps = 90

    @Test(
        "nothing committed changes without a declared effect of a decision in force at a sufficient level",
        arguments: seeds)
    func rulesHoldWhoeverWrites(seed: UInt64) throws {
        var record = try GovernanceFixture.record()
        var generator = AdversarialGenerator(seed: seed)
        var refused = 0
        for step in 0..<Self.steps {
            let (change, authority, actor) = generator.next(for: record.state)
            record.actor = actor
            let before = record.state
            let entry = record.entry(change, authority: authority)
            // `refusal(of:)` applies the entry to a copy and records an issue if a refusal changed it.
            if record.refusal(of: entry) != nil {
                refused += 1
                continue
            }
            try record.append(change, authority: authority)
            let problems = Oracle.problems(before: before, after: record.state, entry: entry)
            #expect(problems.isEmpty, "seed \(seed), step \(step) (\(change.kind) by \(actor)): \(problems)")
        }
        #expect(refused > 10 && refused < Self.steps, "seed \(seed): \(refused) of \(Self.steps) refused")
        // What was accepted replays, from its canonical bytes, to the same state.
        let bytes = try record.entries.map { try $0.canonicalEncoding() }
        try PropertyTests.checkReplay(record, bytes: bytes, "seed \(seed)")
    }

    @Test("across the seeds, decisions come into force and their effects apply, so the oracle judges real changes")
    func decisionsComeIntoForce() throws {
        var confirmed = 0
        var adopted = 0
        var effects = 0
        for seed in Self.seeds.prefix(40) {
            var record = try GovernanceFixture.record()
            var generator = AdversarialGenerator(seed: seed)
            for _ in 0..<Self.steps {
                let (change, authority, actor) = generator.next(for: record.state)
                record.actor = actor
                guard let changed = try? record.append(change, authority: authority) else { continue }
                if case .confirmDecision = change { confirmed += 1 }
                if case .adoptDraft = change { adopted += 1 }
                if case .confirmDecision = change, changed.count > 1 { effects += 1 }
            }
        }
        #expect(confirmed >= 40 && adopted >= 5 && effects >= 20, "\(confirmed) \(adopted) \(effects)")
    }
}

/// Judges one accepted entry by comparing the state before and after it, without the rules' own helpers:
/// it walks decision → meeting → body itself, names targets itself and compares texts word by word itself.
///
/// What it holds: no approved item, workplan, standing, attendance (of a meeting that has decided) or
/// standing agenda item changes unless the entry brings into force (adopts, or confirms as the Presidency,
/// someone other than the transcriber) a decision whose declared effects name it, taken by a body at the
/// level the thing was approved at (the highest for participants, the meeting's own body for attendance,
/// the workplan's network where its updates are delegated). Editorial entries may touch translations,
/// notes, formatting and progress among the current statuses only; with no dictionary, no word of an
/// authoritative text. A held challenge restores what the challenged entry replaced.
enum Oracle {
    static func problems(before: ProcessState, after: ProcessState, entry: LedgerEntry) -> [String] {
        var problems: [String] = []
        let decision = decisionInForce(by: entry, after: after, problems: &problems)
        let targets = Set(decision?.effects.map { target(of: $0, in: before) } ?? [])
        let level = decision.flatMap { bodyOf($0.id, in: after) }?.level
        let body = decision.flatMap { bodyOf($0.id, in: after) }?.id
        let isChallenge = { if case .challengeEditorial = entry.change { return true } else { return false } }()

        func require(_ name: String, _ what: String, atLeast needed: BodyLevel?, orNetwork network: BodyID? = nil) {
            guard let decision else {
                problems.append("\(what) without a decision brought into force")
                return
            }
            if !targets.contains(name) { problems.append("\(what), which \(decision.id) does not declare") }
            if let needed, let level, level < needed, network == nil || network != body {
                problems.append("\(what) by \(decision.id) (\(level)) below \(needed)")
            }
        }

        // Items.
        for (number, new) in after.items {
            let old = before.items[number]
            let workplan = new.workplan.flatMap { before.workplans[$0] }
            let delegated = workplan?.updatesDelegatedBy != nil ? workplan?.body : nil
            let workplanLevel = workplan.flatMap { levelOf($0.approvedBy, in: before) }
            guard let old else {
                if new.status != .proposed {
                    require(
                        "item \(number)", "\(number) added \(new.status.rawValue)", atLeast: workplanLevel,
                        orNetwork: delegated)
                }
                continue
            }
            guard old != new else { continue }
            if old.status == .proposed {
                if new.status != .proposed && new.status != .withdrawn {
                    require("item \(number)", "\(number) approved", atLeast: workplanLevel, orNetwork: delegated)
                } else if new.status == .withdrawn {
                    require("item \(number)", "\(number) withdrawn", atLeast: nil)
                }
                continue
            }
            let needed = [levelOf(old.approvedBy, in: before), workplanLevel].compactMap { $0 }.max()
            let progress: Set<Status> = [.approved, .ongoing, .pendingCompletion]
            let statusChanged =
                old.status != new.status && !(progress.contains(old.status) && progress.contains(new.status))
            let redefined =
                statusChanged || old.leads != new.leads || old.parent != new.parent
                || old.timeline?.target != new.timeline?.target
                || words(old.title.original) != words(new.title.original)
                || old.title.authoritative != new.title.authoritative
                || words(old.text?.original ?? "") != words(new.text?.original ?? "")
                || old.approvedBy != new.approvedBy
            // A challenge puts back what the challenged change replaced: the record undoing an editorial entry.
            if redefined, !(isChallenge && after.challenges.values.contains { $0.item == number && $0.status == .held })
            {
                require("item \(number)", "\(number) redefined", atLeast: needed, orNetwork: delegated)
            }
        }
        // Workplans.
        for (id, new) in after.workplans {
            guard let old = before.workplans[id] else {
                if new.status != .proposed { require("workplan \(id)", "workplan \(id) adopted", atLeast: nil) }
                continue
            }
            guard old != new, old.status != .proposed || new.status != .proposed else { continue }
            let needed = levelOf(old.approvedBy, in: before)
            let progress: Set<Status> = [.approved, .ongoing, .pendingCompletion]
            if old.status == .proposed, new.status != .withdrawn {
                require("workplan \(id)", "workplan \(id) approved", atLeast: nil)
            } else if old.updatesDelegatedBy != new.updatesDelegatedBy {
                require("workplan \(id)", "workplan \(id) delegated", atLeast: needed)
            } else if (old.status != new.status && !(progress.contains(old.status) && progress.contains(new.status)))
                || words(old.title.original) != words(new.title.original)
            {
                require(
                    "workplan \(id)", "workplan \(id) changed", atLeast: needed,
                    orNetwork: old.updatesDelegatedBy != nil ? old.body : nil)
            }
        }
        // Participants: the opening record aside, only a decision of the highest body admits or changes standing.
        let highest = after.bodies.values.map(\.level).max()
        let opening = before.decisions.isEmpty && before.drafts.isEmpty
        for (id, new) in after.participants {
            let old = before.participants[id]
            if old == nil, !opening { require("participant \(id)", "\(id) admitted", atLeast: highest) }
            if let old, old.kind != new.kind || old.history != new.history {
                require("participant \(id)", "\(id)'s standing changed", atLeast: highest)
            }
            if let decision, let old, old.history != new.history || old.kind != new.kind {
                for event in new.history.dropFirst(old.history.count) where event.decision != nil {
                    if event.decision != decision.id { problems.append("\(id)'s history cites \(event.decision!)") }
                }
            }
        }
        // Attendance of a meeting that has decided.
        for (id, new) in after.meetings {
            guard let old = before.meetings[id], old.attendance != new.attendance || old.start != new.start else {
                continue
            }
            let decided =
                before.decisions.values.contains { $0.meeting == id }
                || before.drafts.values.contains { $0.meeting == id && !$0.positions.isEmpty }
            if decided {
                require("meeting \(id)", "attendance of \(id) rewritten", atLeast: nil)
                if decision != nil, body != old.body { problems.append("\(id) corrected by another body") }
            }
        }
        // Standing agenda items.
        for (id, new) in after.standingItems where before.standingItems[id] == nil && new.status == .standing {
            if !opening { require("standing \(id)", "\(id) made standing", atLeast: after.bodies[new.body]?.level) }
        }
        // Editions: published only by the Presidency, on a decision in force that approves a revised plan.
        for (number, new) in after.editions where new.isPublished && before.editions[number]?.isPublished != true {
            guard entry.actor.role == .presidency, let id = entry.authority.decision,
                let cited = after.decisions[id], cited.status == .inForce,
                cited.effects.contains(.approveRevisedPlan), bodyOf(id, in: after)?.level == highest
            else {
                problems.append("edition \(number) published without the Presidency's approval on a decision")
                continue
            }
        }
        return problems
    }

    /// The decision the entry brings into force, checking that a confirmation is the Presidency's and not the
    /// transcriber's; nil when the entry brings none into force.
    static func decisionInForce(by entry: LedgerEntry, after: ProcessState, problems: inout [String]) -> Decision? {
        let id: DecisionID
        switch entry.change {
        case .adoptDraft(let draft): id = DecisionID(draft.rawValue)
        case .confirmDecision(let confirmed):
            id = confirmed
            if entry.actor.role != .presidency { problems.append("confirmed by a \(entry.actor.role)") }
            if after.decisions[id]?.transcriber == entry.actor.name { problems.append("confirmed by its transcriber") }
        default: return nil
        }
        guard let decision = after.decisions[id], decision.status == .inForce else {
            problems.append("\(id) is not in force after its adoption or confirmation")
            return nil
        }
        return decision
    }

    /// What an effect is about, named as the oracle names it.
    static func target(of effect: Change, in state: ProcessState) -> String {
        switch effect {
        case .addItem(let item): "item \(item.number)"
        case .amendItem(let amendment): "item \(amendment.number)"
        case .changeStatus(let number, _): "item \(number)"
        case .addWorkplan(let workplan), .amendWorkplan(let workplan): "workplan \(workplan.id)"
        case .delegateWorkplanUpdates(let id): "workplan \(id)"
        case .addParticipant(let participant), .amendParticipant(let participant): "participant \(participant.id)"
        case .amendMeeting(let meeting): "meeting \(meeting.id)"
        case .addStandingItem(let item): "standing \(item.id)"
        case .settleChallenge(let id, _): state.challenges[id].map { "item \($0.item)" } ?? "challenge \(id)"
        default: effect.kind
        }
    }

    static func bodyOf(_ decision: DecisionID, in state: ProcessState) -> Body? {
        guard let meeting = state.decisions[decision]?.meeting, let body = state.meetings[meeting]?.body else {
            return nil
        }
        return state.bodies[body]
    }

    static func levelOf(_ decision: DecisionID?, in state: ProcessState) -> BodyLevel? {
        decision.flatMap { bodyOf($0, in: state) }?.level
    }

    /// The words of a text, lowercased, letters and digits only: what formatting does not change.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: \.isWhitespace).map { $0.filter { $0.isLetter || $0.isNumber } }
            .filter { !$0.isEmpty }
    }
}
