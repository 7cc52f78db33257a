import AccordCore
import Testing

/// Random runs of drafts, positions, adoptions and direct changes against the approval-level rule.
///
/// The oracle is written apart from the rules: it judges each accepted entry by comparing every approved
/// item before and after it, and asks for the covering decision's level by walking decision → meeting →
/// body itself.
@Suite("Properties of governance")
struct GovernancePropertyTests {
    static let seeds = Array(UInt64(1)...120)
    static let steps = 70
    @Test("across the seeds, many drafts are adopted, so the accepting path is exercised too")
    func adoptionsHappen() throws {
        var total = 0
        for seed in Self.seeds.prefix(30) {
            var record = try GovernanceFixture.record()
            var generator = GovernanceGenerator(seed: seed)
            for _ in 0..<Self.steps {
                let (change, authority, actor) = generator.next(for: record.state)
                var attempt = record
                attempt.actor = actor
                if (try? attempt.append(change, authority: authority)) != nil {
                    record = attempt
                    if case .adoptDraft = change { total += 1 }
                }
            }
        }
        #expect(total >= 20, "only \(total) adoptions in 30 runs")
    }

    @Test("no approved item ever changes substantively without a covering decision at its level", arguments: seeds)
    func coveringDecisions(seed: UInt64) throws {
        var record = try GovernanceFixture.record()
        var generator = GovernanceGenerator(seed: seed)
        var attempts = 0
        for step in 0..<Self.steps {
            let (change, authority, actor) = generator.next(for: record.state)
            let before = record.state
            if case .adoptDraft = change { attempts += 1 }
            var attempt = record
            attempt.actor = actor
            guard (try? attempt.append(change, authority: authority)) != nil else {
                #expect(record.state == before, "seed \(seed), step \(step)")
                continue
            }
            record = attempt
            record.actor = GovernanceFixture.secretariat
            let problems = Self.uncovered(before: before, after: record.state, authority: authority)
            #expect(problems.isEmpty, "seed \(seed), step \(step) (\(change.kind)): \(problems)")
        }
        // A run that never tries to adopt proves little; refused adoptions exercise the rollback of effects.
        #expect(attempts >= 3, "seed \(seed): only \(attempts) adoptions were tried")

        let bytes = try record.entries.map { try $0.canonicalEncoding() }
        try PropertyTests.checkReplay(record, bytes: bytes, "seed \(seed)")
    }

    /// The substantive changes between two states that `authority` does not cover.
    static func uncovered(before: ProcessState, after: ProcessState, authority: Authority) -> [String] {
        var problems: [String] = []
        for old in before.items.values where old.status.isCurrent {
            guard let new = after.items[old.number] else { continue }
            let redefined =
                old.leads != new.leads || old.parent != new.parent || old.timeline?.target != new.timeline?.target
                || old.title.original != new.title.original || old.title.authoritative != new.title.authoritative
                || new.status.isArchived
            // A held challenge restores the old wording: that is the record undoing an editorial change.
            let restored = after.challenges.values.contains { $0.item == old.number && $0.status == .held }
            guard redefined, !restored else { continue }
            guard let level = Self.level(of: old.approvedBy, in: before) else {
                problems.append("\(old.number) has no approval level")
                continue
            }
            let cover = authority.decision.flatMap { Self.level(of: $0, in: after) }
            if cover == nil || cover! < level {
                problems.append("\(old.number) (\(level)) changed on \(authority)")
            }
        }
        return problems
    }

    static func level(of decision: DecisionID?, in state: ProcessState) -> BodyLevel? {
        guard let decision, let meeting = state.decisions[decision]?.meeting,
            let body = state.meetings[meeting]?.body
        else { return nil }
        return state.bodies[body]?.level
    }
}

/// Draws governance changes: drafts with effects at meetings of every level, positions, adoptions, direct
/// amendments on any authority, challenges and settlements.
struct GovernanceGenerator {
    var random: SplitMix64
    var paragraph = 0

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let members: [ParticipantID] = ["MEX", "CAN", "USA"]

    mutating func next(for state: ProcessState) -> (Change, Authority, Actor) {
        let secretariat = GovernanceFixture.secretariat
        let open = state.drafts.values.filter { $0.status == .draft }.sorted { $0.id < $1.id }
        switch random.below(100) {
        case 0..<15:
            paragraph += 1
            let meeting = random.pick(["RCM-V", "RCGM-2014-11", "RCM-XX"] as [MeetingID])
            // "Takes note" paragraphs have no effect; most others have one or two.
            let effects = (0..<random.below(3)).map { _ in effect(state) }
            return (
                .tableDraft(
                    DraftDecision(
                        meeting: meeting, paragraph: "\(50 + paragraph)", kind: .decision, text: .en("Draft"),
                        effects: effects)), .editorial(reason: "drafting"), secretariat
            )
        case 15..<50 where !open.isEmpty:
            // Mostly the first draft still waiting for positions, so that drafts get a full set.
            let waiting = open.filter { draft in Self.members.contains { draft.position(of: $0) == nil } }
            let draft = random.chance(80) && !waiting.isEmpty ? waiting[0] : random.pick(open)
            // Mostly a delegation not yet heard, so that drafts reach a full set of positions.
            let unheard = Self.members.filter { draft.position(of: $0) == nil }
            let member = random.chance(80) && !unheard.isEmpty ? random.pick(unheard) : random.pick(Self.members)
            let position = random.pick([
                Position.supports, .supports, .supports, .supports, .doesNotObject, .doesNotObject, .reservation,
                .objects,
            ])
            return (
                .recordPosition(PositionStatement(draft: draft.id, participant: member, position: position)),
                .participant(member), Actor(name: "delegate", role: .delegate, participant: member)
            )
        case 50..<70 where !open.isEmpty:
            let heard = open.filter { draft in Self.members.allSatisfy { draft.position(of: $0) != nil } }
            let draft = random.chance(80) && !heard.isEmpty ? random.pick(heard) : random.pick(open)
            return (.adoptDraft(draft.id), .decision(DecisionID(draft.id.rawValue)), secretariat)
        case 70..<80:
            let editorials = state.editorials.keys.sorted()
            guard !editorials.isEmpty else { fallthrough }
            return (
                .challengeEditorial(
                    ChallengeStatement(
                        sequence: random.pick(editorials), participant: "CAN", reason: .en("substantive"))),
                .participant("CAN"), secretariat
            )
        case 80..<85:
            let held = state.challenges.values.filter { $0.status == .held }.map(\.id).sorted()
            guard !held.isEmpty else { fallthrough }
            return (
                .settleChallenge(random.pick(held), random.pick([.confirm, .reject])),
                .decision(random.pick(state.decisions.keys.sorted())), secretariat
            )
        default:
            let authority: Authority =
                random.chance(50)
                ? .editorial(reason: "translation") : .decision(random.pick(state.decisions.keys.sorted()))
            return (effect(state), authority, secretariat)
        }
    }

    /// An amendment or status change of a random item: a translation, a new lead, a new title, an ending.
    private mutating func effect(_ state: ProcessState) -> Change {
        // Mostly an item still in the plan; sometimes an archived one, which the rules must refuse.
        let open = state.items.values.filter { !$0.status.isArchived }.map(\.number).sorted()
        let number = random.chance(85) && !open.isEmpty ? random.pick(open) : random.pick(state.items.keys.sorted())
        let title = state.items[number]?.title ?? .en("x")
        switch random.below(5) {
        case 0:
            var translated = title
            translated.values[.fr] = "Traduction \(random.below(100))"
            return .amendItem(ItemAmendment(number: number, title: translated))
        case 1:
            return .amendItem(ItemAmendment(number: number, leads: [random.pick([.secretariat, .participant("CAN")])]))
        case 2: return .amendItem(ItemAmendment(number: number, title: .en("Redefined \(random.below(100))")))
        case 3: return .changeStatus(item: number, to: random.pick([.ongoing, .completed, .withdrawn]))
        default:
            return .amendItem(
                ItemAmendment(number: number, timeline: Timeline(target: PartialDate(year: 2016 + random.below(5)))))
        }
    }
}
