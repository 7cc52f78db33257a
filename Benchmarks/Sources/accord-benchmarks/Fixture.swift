import AccordCore
import AccordStore

/// The record every benchmark starts from: a described process with a participant, a body, a meeting and
/// the decision that approves the plan, then a Plan of Action of `lines` lines of action with
/// `areasPerLine` areas each and `activities` activities spread evenly over the areas.
///
/// The texts are of the length real plan items have, because verify's throughput is measured per byte
/// and the plan view's cost grows with what each item carries.
struct PlanFixture: Sendable {
    static let actor = Actor(name: "benchmark loader", role: .secretariat)
    static let meeting: MeetingID = "RCM-XXV"
    static let decision = Decision.id(meeting: meeting, paragraph: "1")
    /// The authority of every substantive change: paragraph 1 of the meeting above.
    static let authority = Authority.decision(decision)
    static let lineCodes = ["MPM", "HR", "DEV"]

    /// The changes, in the order they are appended.
    var changes: [ProposedChange] = []
    /// The areas of activity, in the order activities are spread over them.
    var areas: [ItemNumber] = []
    /// Activities in the current version of the plan, which a workload may amend and move.
    var liveActivities: [ItemNumber] = []
    /// The status of each live activity.
    var statuses: [ItemNumber: Status] = [:]
    /// The highest activity number used under any area, so that later activities get new numbers.
    var activitiesPerArea = 0

    init(lines: Int = 3, areasPerLine: Int = 10, activities: Int) {
        changes = Self.foundation
        for line in Self.lineCodes.prefix(lines) {
            let number = ItemNumber(line)
            changes.append(
                propose(
                    .addItem(
                        PlanItem(
                            number: number, kind: .lineOfAction,
                            title: .en("Line of action \(line)", es: "Línea de acción \(line)"), status: .approved))))
            for area in 1...areasPerLine {
                let areaNumber = ItemNumber("\(line)-\(area)")
                areas.append(areaNumber)
                changes.append(
                    propose(
                        .addItem(
                            PlanItem(
                                number: areaNumber, kind: .area, parent: number,
                                title: .en(
                                    "Area \(areaNumber): cooperation between the member states on this topic",
                                    es: "Área \(areaNumber): cooperación entre los Estados miembros sobre este tema"),
                                status: .approved))))
            }
        }
        activitiesPerArea = areas.isEmpty ? 0 : (activities + areas.count - 1) / areas.count
        // The statuses a real plan shows: mostly approved or ongoing, some completed (archived), a few proposed.
        var moves: [ProposedChange] = []
        for index in 0..<activities {
            let number = ItemNumber("\(areas[index % areas.count]).\(index / areas.count + 1)")
            let parent = areas[index % areas.count]
            if index % 20 == 0 {
                changes.append(
                    ProposedChange(
                        .addItem(Self.activity(number, under: parent, status: .proposed)), by: Self.actor,
                        authority: .editorial(reason: "recording a proposal tabled at the meeting")))
                continue
            }
            changes.append(propose(.addItem(Self.activity(number, under: parent, status: .approved))))
            if index % 10 == 5 {
                moves.append(propose(.changeStatus(item: number, to: .completed)))
            } else {
                let status: Status = index % 4 == 1 ? .ongoing : .approved
                if status == .ongoing { moves.append(propose(.changeStatus(item: number, to: .ongoing))) }
                liveActivities.append(number)
                statuses[number] = status
            }
        }
        changes += moves
    }

    /// The process, its first participant, the conference, its meeting and the paragraph that approves the plan.
    static var foundation: [ProposedChange] {
        [
            .describeProcess(
                Process(
                    id: "RCM",
                    name: .en("Regional Conference on Migration", es: "Conferencia Regional sobre Migración"),
                    languages: [.es, .en])),
            .addParticipant(Participant(id: "MEX", kind: .memberState, name: .en("Mexico", es: "México"))),
            .addBody(Body(id: "RCM", name: .en("Regional Conference on Migration"), level: .viceMinisterial)),
            .addMeeting(
                Meeting(
                    id: meeting, body: "RCM", title: .en("XXV Regional Conference on Migration"),
                    start: PartialDate(year: 2020, month: 11, day: 4), end: PartialDate(year: 2020, month: 11, day: 5),
                    place: .en("Mexico City, Mexico"), host: "MEX", attendance: ["MEX"])),
            .recordDecision(
                Decision(
                    meeting: meeting, paragraph: "1", kind: .decision,
                    text: .en("Approves the Plan of Action and its annexes as presented by the Technical Secretariat."))
            ),
        ].map { ProposedChange($0, by: actor, authority: .editorial(reason: "setting up the benchmark's record")) }
    }

    /// An activity with a title, a description, a lead and a timeline, as the plan's activities have.
    static func activity(_ number: ItemNumber, under parent: ItemNumber, status: Status) -> PlanItem {
        PlanItem(
            number: number, kind: .activity, parent: parent,
            title: .en(
                "Activity \(number): exchange good practices on the protection of migrants in transit",
                es:
                    "Actividad \(number): intercambiar buenas prácticas sobre la protección de personas migrantes en tránsito"
            ),
            text: .en(
                "The member states share their protocols, hold a regional workshop and report to the next meeting "
                    + "of the Regional Consultation Group on Migration on the results and the next steps."),
            leads: number.rawValue.hasSuffix("0") ? [.secretariat] : [.participant("MEX")],
            timeline: Timeline(text: .en("By the XXVI RCM"), target: PartialDate(year: 2026, month: 6)),
            status: status)
    }

    private func propose(_ change: Change) -> ProposedChange {
        ProposedChange(change, by: Self.actor, authority: Self.authority)
    }
}

/// An endless, deterministic stream of changes the rules accept, of the kinds a plan's ledger is mostly
/// made of: two amendments for every status move and, when `growth` is set, a new activity every `growth`
/// changes, so that the record grows as the ledger does.
struct Workload: Sendable {
    private var live: [ItemNumber]
    private var statuses: [ItemNumber: Status]
    private let areas: [ItemNumber]
    private var activitiesPerArea: Int
    private let growth: Int?
    private var added = 0
    private var count = 0

    init(on fixture: PlanFixture, growth: Int? = nil) {
        live = fixture.liveActivities
        statuses = fixture.statuses
        areas = fixture.areas
        activitiesPerArea = fixture.activitiesPerArea
        self.growth = growth
    }

    mutating func next() -> ProposedChange {
        defer { count += 1 }
        if live.isEmpty || growth.map({ count % $0 == 0 }) == true { return addActivity() }
        let number = live[(count / 3) % live.count]
        if count % 3 == 0 {
            // ongoing ⇄ pending completion is a move the rules allow any number of times.
            let next: Status = statuses[number] == .ongoing ? .pendingCompletion : .ongoing
            statuses[number] = next
            return ProposedChange(
                .changeStatus(item: number, to: next), by: PlanFixture.actor, authority: PlanFixture.authority)
        }
        let revision = count / 3
        return ProposedChange(
            .amendItem(
                ItemAmendment(
                    number: number,
                    title: .en(
                        "Activity \(number): exchange good practices on the protection of migrants (revision \(revision))",
                        es:
                            "Actividad \(number): intercambiar buenas prácticas sobre la protección de personas migrantes (revisión \(revision))"
                    ),
                    timeline: Timeline(
                        text: .en("By the XXVI RCM, as revised"), target: PartialDate(year: 2027, month: 1)))),
            by: PlanFixture.actor, authority: PlanFixture.authority)
    }

    private mutating func addActivity() -> ProposedChange {
        let area = areas[added % areas.count]
        let number = ItemNumber("\(area).\(activitiesPerArea + added / areas.count + 1)")
        added += 1
        live.append(number)
        statuses[number] = .approved
        return ProposedChange(
            .addItem(PlanFixture.activity(number, under: area, status: .approved)), by: PlanFixture.actor,
            authority: PlanFixture.authority)
    }
}
