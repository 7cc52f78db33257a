import AccordCore

/// Makes random changes against a state: mostly plausible ones, with a share of faults the rules must refuse
/// (unknown parents, leads and decisions, duplicate and malformed numbers, editorial approvals, impossible
/// moves, oversized titles, decisions cited for changes they do not declare). A change of the plan is made
/// either by an editorial entry or as the declared effect of a transcribed decision, which a later step
/// confirms. Everything it draws comes from `random`, so a seed names the whole run.
struct ChangeGenerator {
    var random: SplitMix64
    /// The next paragraph number a transcription takes.
    var paragraph = 200

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Who makes `change`: the Presidency confirms transcriptions, the Secretariat does everything else.
    func actor(for change: Change) -> Actor {
        if case .confirmDecision = change { return Fixture.presidency }
        return Fixture.secretariat
    }

    static let prefixes = ["MPM", "HR", "MD", "CP"]
    static let leadCodes = ["MEX", "CAN", "USA", "IOM", "TS"]
    static let malformedNumbers: [ItemNumber] = ["mpm-1", "MPM-", "M-1", "MPM-1.x", "MPM-1..2"]

    mutating func next(for state: ProcessState) -> (Change, Authority) {
        let pending = state.decisions.values.filter { $0.status == .pending }.map(\.id).sorted()
        switch random.below(100) {
        case 0..<14 where !pending.isEmpty:
            let id = random.pick(pending)
            return (.confirmDecision(id), .decision(id))
        case 0..<32:
            return (transcription(state), .editorial(reason: "transcribed from the outcome document"))
        case 32..<35:
            return (recordDecision(state), .editorial(reason: "transcribed"))
        default:
            return (planChange(state), authority(state))
        }
    }

    /// A change of the plan: an item added, moved to another status, or amended.
    private mutating func planChange(_ state: ProcessState) -> Change {
        switch random.below(100) {
        case 0..<45: addItem(state)
        case 45..<72: changeStatus(state)
        default: amendItem(state)
        }
    }

    /// A paragraph of a recorded meeting declaring one or two changes of the plan (or none, a "take note").
    private mutating func transcription(_ state: ProcessState) -> Change {
        paragraph += 1
        let meeting: MeetingID = random.pick(state.meetings.keys.sorted())
        let effects = (0..<random.below(3)).map { _ in planChange(state) }
        return .recordDecision(
            Decision(
                meeting: meeting, paragraph: "\(paragraph)", kind: .conclusion, text: .en("Paragraph \(paragraph)"),
                effects: effects))
    }

    /// Mostly editorial; sometimes a recorded decision, which declares no such change, or one nobody recorded.
    private mutating func authority(_ state: ProcessState) -> Authority {
        switch random.below(100) {
        case 0..<20 where !state.decisions.isEmpty: .decision(random.pick(state.decisions.keys.sorted()))
        case 0..<95: .editorial(reason: "typo")
        default: .decision("RCM-XX/9")
        }
    }

    /// Usually an item that is not archived, sometimes any item, or (`unknown` percent) a number nobody used.
    private mutating func existingNumber(_ state: ProcessState, unknown percent: Int) -> ItemNumber {
        guard !random.chance(percent) else { return "MPM-999" }
        let open = state.items.values.filter { !$0.status.isArchived }.map(\.number).sorted()
        let all = state.items.keys.sorted()
        return random.chance(75) && !open.isEmpty ? random.pick(open) : random.pick(all)
    }

    private mutating func addItem(_ state: ProcessState) -> Change {
        let kind = random.pick([ItemKind.lineOfAction, .area, .area, .activity, .activity, .activity])
        let workplan: WorkplanID? =
            switch random.below(100) {
            case 0..<78: nil
            case 78..<96: "LON-CP"
            default: "LON-ZZ"
            }
        // Usually a parent that fits (the right level, the same plan), so that trees grow; otherwise any item,
        // none, or one that does not exist.
        let fitting = state.items.values.filter { candidate in
            candidate.workplan == workplan && candidate.kind != .activity && !candidate.status.isArchived
                && (kind == .activity || candidate.kind == .lineOfAction) && kind != .lineOfAction
        }.map(\.number).sorted()
        let parent: ItemNumber? =
            switch random.below(100) {
            case 0..<75 where !fitting.isEmpty: random.pick(fitting)
            case 0..<85:
                kind == .lineOfAction || (kind == .area && workplan != nil) ? nil : existingNumber(state, unknown: 0)
            case 85..<95: nil
            default: "MPM-999"
            }
        let number: ItemNumber
        if random.chance(4) {
            number = random.pick(Self.malformedNumbers)
        } else if let parent, random.chance(90) {
            // Children numbered after their parent, as in the plan; collisions give duplicates to refuse.
            number = ItemNumber(
                parent.rawValue + (parent.rawValue.contains("-") ? "." : "-") + "\(1 + random.below(30))")
        } else {
            let prefix = random.pick(Self.prefixes)
            number = ItemNumber(kind == .lineOfAction ? prefix : "\(prefix)-\(1 + random.below(20))")
        }
        let status = random.pick([
            Status.proposed, .proposed, .proposed, .approved, .approved, .approved, .ongoing, .pendingCompletion,
            .completed, .withdrawn, .superseded,
        ])
        return .addItem(
            PlanItem(
                number: number, kind: kind, parent: parent, workplan: workplan, title: title(), leads: leads(),
                status: status))
    }

    /// Mostly a move the item's life allows, otherwise any status.
    private mutating func changeStatus(_ state: ProcessState) -> Change {
        let number = existingNumber(state, unknown: 6)
        let allowed = state.items[number]?.status.allowedNext ?? []
        let status = random.chance(70) && !allowed.isEmpty ? random.pick(allowed) : random.pick(Status.allCases)
        return .changeStatus(item: number, to: status)
    }

    private mutating func amendItem(_ state: ProcessState) -> Change {
        let number = existingNumber(state, unknown: 8)
        return .amendItem(
            ItemAmendment(
                number: number,
                title: random.chance(40) ? title() : nil,
                text: random.chance(15) ? .en("Revised text", es: "Texto revisado") : nil,
                leads: random.chance(35) ? leads() : nil,
                timeline: random.chance(20)
                    ? Timeline(target: PartialDate(year: 2020 + random.below(10), month: 6)) : nil,
                parent: random.chance(30) ? existingNumber(state, unknown: 10) : nil))
    }

    private mutating func recordDecision(_ state: ProcessState) -> Change {
        let meeting: MeetingID = random.chance(92) ? random.pick(state.meetings.keys.sorted()) : "RCM-XX"
        let paragraph =
            random.chance(10)
            ? random.pick(["3b", "3.", "B"]) : "\(1 + random.below(15))" + random.pick(["", ".a", ".b"])
        return .recordDecision(
            Decision(meeting: meeting, paragraph: paragraph, kind: .conclusion, text: .en("Paragraph \(paragraph)")))
    }

    private mutating func title() -> LocalizedText {
        switch random.below(100) {
        case 0..<3: .en(String(repeating: "x", count: TextLimit.title + 1))
        case 3..<5: .en(" ")
        default: .en("Activity \(random.below(1000))", es: "Actividad")
        }
    }

    private mutating func leads() -> [Lead] {
        (0..<random.below(3)).map { _ in
            random.chance(8) ? .participant("ZZZ") : Lead(code: random.pick(Self.leadCodes))
        }
    }
}
