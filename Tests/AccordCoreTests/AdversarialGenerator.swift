import AccordCore

/// Draws every kind of change by every role, as someone trying to get around the rules would: editorial
/// redefinitions, decisions cited for what they never said, transcriptions and confirmations by the wrong
/// person, attendance and standing rewritten, workplans ended, editions published alone, drafts adopted
/// without consensus — mixed with the legitimate flow, so that the accepting paths are exercised too.
struct AdversarialGenerator {
    var random: SplitMix64
    var paragraph = 300

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let secretariat = Actor(name: "ts.officer", role: .secretariat)
    static let presidency = Actor(name: "ppt.officer", role: .presidency)
    static let actors: [Actor] = [
        secretariat, secretariat, presidency, Actor(name: "loader", role: .system),
        // The same person signing as the Presidency: a confirmation of their own transcription is no second look.
        Actor(name: "ts.officer", role: .presidency),
        Actor(name: "ana.gomez", role: .delegate, participant: "MEX"),
        Actor(name: "john.smith", role: .delegate, participant: "CAN"),
        Actor(name: "iom.observer", role: .observer, participant: "IOM"),
    ]
    static let members: [ParticipantID] = ["MEX", "CAN", "USA"]
    static let meetings: [MeetingID] = ["RCM-V", "RCGM-2014-11", "LON-CP-2015", "RCM-XX"]

    /// The next step: a change, its authority and who makes it.
    mutating func next(for state: ProcessState) -> (Change, Authority, Actor) {
        let pending = state.decisions.values.filter { $0.status == .pending }.map(\.id).sorted()
        let open = state.drafts.values.filter { $0.status == .draft }.sorted { $0.id < $1.id }
        switch random.below(100) {
        case 0..<14:
            return (transcription(state), editorial(), actor(mostly: Self.secretariat))
        case 14..<26 where !pending.isEmpty:
            let id = random.pick(pending)
            let change: Change =
                random.chance(85) ? .confirmDecision(id) : .rejectDecision(id, reason: .en("Not what was agreed"))
            return (change, random.chance(90) ? .decision(id) : editorial(), actor(mostly: Self.presidency))
        case 26..<34:
            paragraph += 1
            let draft = DraftDecision(
                meeting: random.pick(["RCM-V", "RCGM-2014-11", "RCM-XX", "RCM-XX"] as [MeetingID]),
                paragraph: "\(paragraph)", kind: .decision, text: .en("Draft"),
                effects: effects(state))
            return (.tableDraft(draft), editorial(), actor(mostly: Self.secretariat))
        case 34..<46 where !open.isEmpty:
            // Mostly the first draft still waiting for positions, and a delegation not yet heard, so that drafts
            // reach a full set of positions and adoption is tried in earnest.
            let waiting = open.filter { draft in Self.members.contains { draft.position(of: $0) == nil } }
            let draft = random.chance(80) && !waiting.isEmpty ? waiting[0] : random.pick(open)
            let unheard = Self.members.filter { draft.position(of: $0) == nil }
            let member = random.chance(80) && !unheard.isEmpty ? random.pick(unheard) : random.pick(Self.members)
            let position = random.pick([
                Position.supports, .supports, .supports, .supports, .doesNotObject, .reservation, .objects,
            ])
            let speaker =
                random.chance(70) ? Actor(name: "delegate.\(member)", role: .delegate, participant: member) : actor()
            return (
                .recordPosition(PositionStatement(draft: draft.id, participant: member, position: position)),
                .participant(member), speaker
            )
        case 34..<54 where !open.isEmpty:
            let heard = open.filter { draft in Self.members.allSatisfy { draft.position(of: $0) != nil } }
            let draft = random.chance(80) && !heard.isEmpty ? random.pick(heard) : random.pick(open)
            let authority: Authority =
                random.chance(85) ? .decision(draft.decisionID) : .decision(citable(state) ?? draft.decisionID)
            return (.adoptDraft(draft.id), authority, actor(mostly: Self.secretariat))
        case 54..<60:
            let editorials = state.editorials.keys.sorted()
            guard !editorials.isEmpty else { fallthrough }
            let member = random.pick(Self.members)
            return (
                .challengeEditorial(
                    ChallengeStatement(
                        sequence: random.pick(editorials), participant: member, reason: .en("Substantive"))),
                .participant(member), Actor(name: "delegate.\(member)", role: .delegate, participant: member)
            )
        case 60..<66:
            return (
                edition(state),
                random.chance(60) ? editorial() : (citable(state).map(Authority.decision) ?? editorial()), actor()
            )
        default:
            // A change of its own: editorial, or citing a decision that may or may not declare it.
            let authority: Authority =
                random.chance(65) ? editorial() : citable(state).map(Authority.decision) ?? editorial()
            return (change(state), authority, actor(mostly: Self.secretariat))
        }
    }

    private mutating func editorial() -> Authority {
        .editorial(reason: random.pick(["typo", "translation", "record"]))
    }

    private mutating func actor(mostly usual: Actor? = nil) -> Actor {
        if let usual, random.chance(75) { return usual }
        return random.pick(Self.actors)
    }

    private mutating func citable(_ state: ProcessState) -> DecisionID? {
        let decisions = state.decisions.keys.sorted()
        return decisions.isEmpty ? nil : random.pick(decisions)
    }

    private mutating func transcription(_ state: ProcessState) -> Change {
        paragraph += 1
        return .recordDecision(
            Decision(
                meeting: random.pick(Self.meetings), paragraph: "\(paragraph)", kind: .decision,
                text: .en("Paragraph \(paragraph)"), effects: effects(state)))
    }

    /// What a decision declares: nothing ("take note"), or one to three changes of any kind.
    private mutating func effects(_ state: ProcessState) -> [Change] {
        (0..<random.below(4)).map { _ in
            random.chance(20) ? (random.chance(50) ? .approveRevisedPlan : settlement(state)) : change(state)
        }
    }

    private mutating func settlement(_ state: ProcessState) -> Change {
        let held = state.challenges.values.filter { $0.status == .held }.map(\.id).sorted()
        guard !held.isEmpty else { return .approveRevisedPlan }
        return .settleChallenge(random.pick(held), random.pick([.confirm, .reject]))
    }

    /// A change of the plan, a workplan, a participant, a meeting or a standing item.
    private mutating func change(_ state: ProcessState) -> Change {
        switch random.below(100) {
        case 0..<30: return amendment(state)
        case 30..<45:
            let number = random.pick(state.items.keys.sorted())
            return .changeStatus(item: number, to: random.pick(Status.allCases))
        case 45..<55:
            let parents = state.items.values.filter { $0.workplan == nil && $0.kind != .activity }.map(\.number)
                .sorted()
            let parent = random.pick(parents)
            return .addItem(
                PlanItem(
                    number: ItemNumber(
                        "\(parent.rawValue)\(parent.rawValue.contains("-") ? "." : "-")\(50 + random.below(40))"),
                    kind: .activity, parent: parent, title: .en("Activity \(random.below(100))"),
                    status: random.pick([.proposed, .approved])))
        case 55..<65: return workplan(state)
        case 65..<78: return participant(state)
        case 78..<90:
            var meeting = state.meetings[random.pick(Self.meetings)]!
            if random.chance(50), !meeting.attendance.isEmpty {
                meeting.attendance.remove(at: random.below(meeting.attendance.count))
            } else {
                meeting.attendance.append(random.pick(["MEX", "CAN", "USA", "IOM"]))
            }
            if random.chance(20) { meeting.start = PartialDate(year: 1990 + random.below(40)) }
            return .amendMeeting(meeting)
        default:
            return .addStandingItem(
                StandingItem(
                    id: StandingItemID("RCGM-S\(random.below(50))"), body: random.pick(["RCM", "RCGM", "LON-CP"]),
                    title: .en("Standing item"), status: random.pick([.standing, .suggested]),
                    note: random.chance(50) ? .en("Practice") : nil))
        }
    }

    private mutating func amendment(_ state: ProcessState) -> Change {
        let number = random.pick(state.items.keys.sorted())
        let item = state.items[number]!
        var title = item.title
        switch random.below(8) {
        case 0:
            title[.fr] = "Traduction \(random.below(100))"
            return .amendItem(ItemAmendment(number: number, title: title))
        case 1:
            // Formatting only: the same words, other capitals and punctuation.
            title[title.authoritative] = title.original.uppercased() + "."
            return .amendItem(ItemAmendment(number: number, title: title))
        case 2:
            title[title.authoritative] = "Redefined \(random.below(100))"
            return .amendItem(ItemAmendment(number: number, title: title))
        case 3:
            return .amendItem(ItemAmendment(number: number, leads: [random.pick([.secretariat, .participant("CAN")])]))
        case 4: return .amendItem(ItemAmendment(number: number, note: .en("Note \(random.below(100))")))
        case 5:
            return .amendItem(
                ItemAmendment(number: number, timeline: Timeline(target: PartialDate(year: 2016 + random.below(9)))))
        case 6:
            let parents = state.items.values.filter { $0.kind == .area }.map(\.number).sorted()
            return .amendItem(ItemAmendment(number: number, parent: random.pick(parents)))
        default:
            return .amendItem(ItemAmendment(number: number, text: .en("Text \(random.below(100))")))
        }
    }

    private mutating func workplan(_ state: ProcessState) -> Change {
        let ids = state.workplans.keys.sorted()
        switch random.below(4) {
        case 0:
            return .addWorkplan(
                Workplan(
                    id: WorkplanID("LON-W\(random.below(20))"), body: "LON-CP", title: .en("Workplan"),
                    status: random.pick([.proposed, .approved])))
        case 1 where !ids.isEmpty:
            return .delegateWorkplanUpdates(random.pick(ids))
        default:
            guard !ids.isEmpty else { return .approveRevisedPlan }
            var workplan = state.workplans[random.pick(ids)]!
            if random.chance(50) {
                workplan.status = random.pick(Status.allCases)
            } else {
                workplan.title = random.chance(50) ? .en("Other title") : .en(workplan.title.original, es: "Plan")
            }
            return .amendWorkplan(workplan)
        }
    }

    private mutating func participant(_ state: ProcessState) -> Change {
        if random.chance(30) {
            let code = random.pick(["ARG", "COL", "PER", "JAM"] as [ParticipantID])
            return .addParticipant(
                Participant(
                    id: code, kind: random.pick([.observerCountry, .memberState]), name: .en(code.rawValue),
                    history: random.chance(50)
                        ? [MembershipEvent(kind: .observerCountry, since: nil, decision: citable(state))] : []))
        }
        var participant = state.participants[random.pick(state.participants.keys.sorted())]!
        switch random.below(3) {
        case 0: participant.name = .en(participant.name.original + " (renamed)")
        case 1:
            participant.kind = participant.isCountry ? random.pick([.memberState, .observerCountry]) : participant.kind
            participant.history.append(MembershipEvent(kind: participant.kind, since: nil))
        default:
            participant.history.append(
                MembershipEvent(kind: participant.kind, since: nil, decision: citable(state), note: .en("Cited")))
        }
        return .amendParticipant(participant)
    }

    private mutating func edition(_ state: ProcessState) -> Change {
        let published = state.editions.values.filter(\.isPublished).map(\.number).max() ?? 0
        if random.chance(50), let proposed = state.editions.values.first(where: { !$0.isPublished }) {
            return .approveEdition(proposed.number)
        }
        return .proposeEdition(
            Edition(
                number: published + 1, title: .en("Edition"), date: PartialDate("2015")!,
                position: max(1, state.sequence - Int64(random.below(5)))))
    }
}
