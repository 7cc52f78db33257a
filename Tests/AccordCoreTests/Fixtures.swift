import AccordCore
import Testing

/// A ledger kept in memory: every entry goes through `ProcessState.applying(_:)` as the store's append does,
/// and only accepted entries are kept, so tests can replay and hash exactly what was accepted.
struct Recorder {
    private(set) var state = ProcessState()
    private(set) var entries: [LedgerEntry] = []
    var actor = Actor(name: "ts.officer", role: .secretariat)
    /// The dictionary the rules check typo fixes against; none by default, as Core's own default.
    var lexicon: any Lexicon = EmptyLexicon()
    /// The next paragraph number `decide` gives a decision it makes up.
    private var nextParagraph = 100

    /// The entry that would be appended next for `change`; one minute after the one before, like a busy day.
    func entry(_ change: Change, authority: Authority) -> LedgerEntry {
        LedgerEntry(
            sequence: state.sequence + 1,
            recordedAt: Timestamp(millisecondsSince1970: Fixture.epoch + state.sequence * 60_000),
            actor: actor, authority: authority, change: change)
    }

    /// Appends `change` if the rules accept it.
    @discardableResult
    mutating func append(_ change: Change, authority: Authority = Fixture.editorial) throws(ChangeError)
        -> [EntityRef]
    {
        let entry = entry(change, authority: authority)
        let (next, changed) = try state.applying(entry, lexicon: lexicon)
        state = next
        entries.append(entry)
        return changed
    }

    /// Appends `change` as `actor`, then goes back to the recorder's actor.
    @discardableResult
    mutating func append(_ change: Change, authority: Authority, as actor: Actor) throws(ChangeError) -> [EntityRef] {
        let saved = self.actor
        self.actor = actor
        defer { self.actor = saved }
        return try append(change, authority: authority)
    }

    /// Brings `effects` into force as the declared effects of a decision of `meeting`: transcribed by the
    /// Secretariat, then confirmed by the Presidency, as DESIGN.md §3 rule 1 has it. Without a paragraph, the
    /// decision gets the next unused one from 100.
    @discardableResult
    mutating func decide(
        _ effects: [Change], at meeting: MeetingID, paragraph: String? = nil, kind: DecisionKind = .conclusion
    ) throws(ChangeError) -> DecisionID {
        let paragraph = paragraph ?? "\(nextParagraph)"
        if Int(paragraph) == nextParagraph { nextParagraph += 1 }
        let decision = Decision(
            meeting: meeting, paragraph: paragraph, kind: kind, text: .en("Paragraph \(paragraph)"), effects: effects)
        try transcribe(decision)
        try confirm(decision.id)
        return decision.id
    }

    /// Records `decision` as the Secretariat transcribes it: pending.
    mutating func transcribe(_ decision: Decision) throws(ChangeError) {
        try append(.recordDecision(decision), authority: Fixture.editorial, as: Fixture.secretariat)
    }

    /// The Presidency confirms the transcription of `decision`.
    mutating func confirm(_ decision: DecisionID) throws(ChangeError) {
        try append(.confirmDecision(decision), authority: .decision(decision), as: Fixture.presidency)
    }

    /// The error the rules refuse `change` with, or nil if they would accept it; the recorder is left as it is.
    func refusal(of change: Change, authority: Authority = Fixture.editorial) -> ChangeError? {
        refusal(of: entry(change, authority: authority))
    }

    /// The error the rules refuse `change` with when `actor` makes it, or nil if they would accept it.
    func refusal(of change: Change, authority: Authority, as actor: Actor) -> ChangeError? {
        var copy = self
        copy.actor = actor
        return copy.refusal(of: change, authority: authority)
    }

    /// The error the rules refuse `entry` with, or nil if they would accept it.
    ///
    /// The entry is applied in place to a copy of the state, as the store and `verify` apply entries, so a
    /// refusal that left part of a change behind shows as a difference from `state`.
    func refusal(of entry: LedgerEntry) -> ChangeError? {
        var copy = state
        do throws(ChangeError) {
            _ = try copy.apply(entry, lexicon: lexicon)
            return nil
        } catch {
            if copy != state { Issue.record("refusing \(entry.change.kind) changed the state: \(error)") }
            return error
        }
    }
}

/// The shape of a refusal without its wording: tests pin the case, the field and the rule, while the sentence
/// for people may be rephrased.
enum Refusal: Hashable, CustomStringConvertible {
    case invalid(String)
    case unknownReference(String)
    case duplicate(String)
    case ruleViolation(String, rule: String)

    var description: String {
        switch self {
        case .invalid(let field): "invalid(\(field))"
        case .unknownReference(let field): "unknownReference(\(field))"
        case .duplicate(let field): "duplicate(\(field))"
        case .ruleViolation(let field, let rule): "ruleViolation(\(field), \(rule))"
        }
    }
}

extension ChangeError {
    var shape: Refusal {
        switch self {
        case .invalid(let field, _): .invalid(field)
        case .unknownReference(let field, _): .unknownReference(field)
        case .duplicate(let field, _): .duplicate(field)
        case .ruleViolation(let field, let rule, _): .ruleViolation(field, rule: rule)
        }
    }
}

/// A small RCM: three member states, an observer organization, the three levels of body, one meeting and one
/// decision at each level, and (in `plan()`) a plan with an archived area, a proposal and a network workplan.
enum Fixture {
    /// 2023-11-14T22:13:20Z, the first entry's time.
    static let epoch: Int64 = 1_700_000_000_000
    static let editorial = Authority.editorial(reason: "recording the RCM's record")
    static let secretariat = Actor(name: "ts.officer", role: .secretariat)
    static let presidency = Actor(name: "ppt.officer", role: .presidency)
    /// Who attends the fixture's RCM and RCGM meetings: the three member states and IOM.
    static let attendance: [ParticipantID] = ["MEX", "CAN", "USA", "IOM"]

    /// Paragraph 3 of the V RCM: a vice-ministerial decision.
    static let viceMinisterial = Decision.id(meeting: "RCM-V", paragraph: "3")
    /// Paragraph 4.b of the RCGM's Conclusions, Managua, November 2014.
    static let consultation = Decision.id(meeting: "RCGM-2014-11", paragraph: "4.b")
    /// Paragraph 1 of the Consular Protection network's meeting.
    static let network = Decision.id(meeting: "LON-CP-2015", paragraph: "1")

    static func item(
        _ number: ItemNumber, _ kind: ItemKind, under parent: ItemNumber? = nil, workplan: WorkplanID? = nil,
        status: Status = .approved, leads: [Lead] = []
    ) -> PlanItem {
        PlanItem(
            number: number, kind: kind, parent: parent, workplan: workplan, title: .en("Item \(number)"),
            leads: leads, status: status)
    }

    static func meeting(
        _ id: MeetingID, of body: BodyID, start: String? = nil, end: String? = nil, attendance: [ParticipantID] = []
    ) -> Meeting {
        Meeting(
            id: id, body: body, title: .en("Meeting \(id)"), start: start.flatMap { PartialDate($0) },
            end: end.flatMap { PartialDate($0) }, attendance: attendance)
    }

    static func decision(_ meeting: MeetingID, _ paragraph: String, kind: DecisionKind = .conclusion) -> Decision {
        Decision(meeting: meeting, paragraph: paragraph, kind: kind, text: .en("Paragraph \(paragraph)"))
    }

    /// The opening record: the process, its participants, bodies and meetings (the RCM's and the RCGM's
    /// attended by the three member states and IOM); no decision and no plan yet.
    static func institutions() throws(ChangeError) -> Recorder {
        var record = Recorder()
        try record.append(
            .describeProcess(
                Process(
                    id: "RCM", name: .en("Regional Conference on Migration"),
                    languages: [.es, .en])))
        for code in ["MEX", "CAN", "USA"] {
            try record.append(
                .addParticipant(
                    Participant(
                        id: ParticipantID(code), kind: .memberState,
                        name: .en(code))))
        }
        try record.append(
            .addParticipant(
                Participant(
                    id: "IOM", kind: .observerOrganization,
                    name: .en("International Organization for Migration"))))
        try record.append(
            .addBody(
                Body(
                    id: "RCM", name: .en("Vice-Ministerial Conference"),
                    level: .viceMinisterial)))
        try record.append(
            .addBody(
                Body(
                    id: "RCGM", name: .en("Regional Consultation Group on Migration"),
                    level: .consultationGroup, parent: "RCM")))
        try record.append(
            .addBody(
                Body(
                    id: "LON-CP", name: .en("Consular Protection LON"), level: .network,
                    parent: "RCGM")))
        try record.append(
            .addMeeting(meeting("RCM-V", of: "RCM", start: "2000-03-23", end: "2000-03-24", attendance: attendance)))
        try record.append(.addMeeting(meeting("RCGM-2014-11", of: "RCGM", start: "2014-11", attendance: attendance)))
        try record.append(.addMeeting(meeting("LON-CP-2015", of: "LON-CP", start: "2015")))
        return record
    }

    /// `institutions()` with a plan, each approved item the declared effect of a decision:
    ///
    ///     MPM (line, RCM-V/3)    MPM-1 (area, RCGM) > MPM-1.1 (activity, ongoing, MEX + TS)
    ///                            MPM-2 (area, completed by RCM-V/4) > MPM-2.1 (activity, ongoing)
    ///                            MPM-10 (area, RCM-V/3)
    ///     HR (line, proposed)
    ///     workplan LON-CP:       CP-1 (area) > CP-1.1 (activity), all by LON-CP-2015/1
    static func plan() throws(ChangeError) -> Recorder {
        var record = try institutions()
        try record.decide(
            [
                .addItem(item("MPM", .lineOfAction)), .addItem(item("MPM-2", .area, under: "MPM")),
                .addItem(item("MPM-10", .area, under: "MPM")),
            ], at: "RCM-V", paragraph: "3", kind: .decision)
        try record.decide(
            [
                .addItem(item("MPM-1", .area, under: "MPM")),
                .addItem(
                    item(
                        "MPM-1.1", .activity, under: "MPM-1", status: .ongoing,
                        leads: [.participant("MEX"), .secretariat])),
                .addItem(item("MPM-2.1", .activity, under: "MPM-2", status: .ongoing)),
            ], at: "RCGM-2014-11", paragraph: "4.b")
        try record.decide([.changeStatus(item: "MPM-2", to: .completed)], at: "RCM-V", paragraph: "4", kind: .decision)
        try record.append(.addItem(item("HR", .lineOfAction, status: .proposed)))
        try record.decide(
            [
                .addWorkplan(
                    Workplan(id: "LON-CP", body: "LON-CP", title: .en("Consular Protection"), status: .approved)),
                .addItem(item("CP-1", .area, workplan: "LON-CP")),
                .addItem(item("CP-1.1", .activity, under: "CP-1", workplan: "LON-CP")),
            ], at: "LON-CP-2015", paragraph: "1")
        return record
    }

    /// Paragraph 4 of the V RCM: completes MPM-2.
    static let completion = Decision.id(meeting: "RCM-V", paragraph: "4")
}
