import AccordCore

/// The fixture's plan with what governance needs: an activity the RCM approved (MPM-10.1, led by Mexico)
/// and a second RCM meeting that can redefine it, attended like the first.
enum GovernanceFixture {
    static let delegate = Actor(name: "ana.gomez", role: .delegate, participant: "MEX")
    static let canadian = Actor(name: "john.smith", role: .delegate, participant: "CAN")
    static let presidency = Actor(name: "ppt", role: .presidency, participant: "MEX")
    static let secretariat = Actor(name: "ts.officer", role: .secretariat)

    /// The V RCM's paragraph 5, which approves MPM-10.1.
    static let workshopApproval = Decision.id(meeting: "RCM-V", paragraph: "5")

    static func record() throws(ChangeError) -> Recorder {
        var record = try Fixture.plan()
        try record.decide(
            [
                .addItem(
                    PlanItem(
                        number: "MPM-10.1", kind: .activity, parent: "MPM-10",
                        title: .en("Workshop on returns", es: "Taller sobre retornos"),
                        leads: [.participant("MEX")], timeline: Timeline(target: PartialDate("2015-06")),
                        status: .approved))
            ], at: "RCM-V", paragraph: "5", kind: .decision)
        try record.append(
            .addMeeting(
                Meeting(
                    id: "RCM-XX", body: "RCM", title: .en("XX RCM"), start: PartialDate("2015-06-25"),
                    attendance: Fixture.attendance)))
        return record
    }

    /// Records `position` for `participant` on `draft`, as its own delegate.
    static func position(
        _ record: inout Recorder, _ draft: DraftID, _ participant: ParticipantID, _ position: Position
    ) throws(ChangeError) {
        let saved = record.actor
        record.actor = Actor(name: "delegate.\(participant)", role: .delegate, participant: participant)
        defer { record.actor = saved }
        try record.append(
            .recordPosition(PositionStatement(draft: draft, participant: participant, position: position)),
            authority: .participant(participant))
    }

    /// Appends `change` as `actor`.
    static func append(
        _ record: inout Recorder, _ change: Change, as actor: Actor, authority: Authority
    ) throws(ChangeError) {
        let saved = record.actor
        record.actor = actor
        defer { record.actor = saved }
        try record.append(change, authority: authority)
    }

    /// The refusal of `change` made as `actor`.
    static func refusal(_ record: Recorder, _ change: Change, as actor: Actor, authority: Authority) -> ChangeError? {
        var copy = record
        copy.actor = actor
        return copy.refusal(of: change, authority: authority)
    }
}
