import AccordCore
import AccordStore

/// The record every benchmark starts from, made as the rules require (DESIGN.md §3): the opening record (a
/// described process with a participant, a body and a meeting), then the meeting's decisions, each transcribed
/// by the Secretariat with the effects it declares and confirmed by the Presidency, which applies them.
///
/// The Plan of Action has `lines` lines of action with `areasPerLine` areas each and `activities` activities
/// spread evenly over the areas: one paragraph approves each line with its areas and activities, one completes
/// some of them, and the Secretariat's editorial record adds the rest (proposals tabled, progress reported).
///
/// The texts are of the length real plan items have, because verify's throughput is measured per byte
/// and the plan view's cost grows with what each item carries.
struct PlanFixture: Sendable {
    /// The Technical Secretariat, which enters the record and transcribes the decisions.
    static let secretariat = Actor(name: "benchmark loader", role: .secretariat)
    /// The Presidency Pro-Tempore, the second person who confirms each transcription.
    static let presidency = Actor(name: "benchmark presidency", role: .presidency)
    static let meeting: MeetingID = "RCM-XXV"
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
        let codes = Self.lineCodes.prefix(lines)
        // What each line's paragraph declares: the line, its areas and the activities approved under them.
        var approvals: [[Change]] = codes.map { line in
            let number = ItemNumber(line)
            return [
                .addItem(
                    PlanItem(
                        number: number, kind: .lineOfAction,
                        title: .en("Line of action \(line)", es: "Línea de acción \(line)"), status: .approved))
            ]
        }
        for (index, line) in codes.enumerated() {
            for area in 1...areasPerLine {
                let areaNumber = ItemNumber("\(line)-\(area)")
                areas.append(areaNumber)
                approvals[index].append(
                    .addItem(
                        PlanItem(
                            number: areaNumber, kind: .area, parent: ItemNumber(line),
                            title: .en(
                                "Area \(areaNumber): cooperation between the member states on this topic",
                                es: "Área \(areaNumber): cooperación entre los Estados miembros sobre este tema"),
                            status: .approved)))
            }
        }
        activitiesPerArea = areas.isEmpty ? 0 : (activities + areas.count - 1) / areas.count
        // The statuses a real plan shows: mostly approved or ongoing, some completed (archived), a few proposed.
        var proposals: [ProposedChange] = []
        var completions: [Change] = []
        var progress: [ProposedChange] = []
        for index in 0..<activities {
            let parent = areas[index % areas.count]
            let number = ItemNumber("\(parent).\(index / areas.count + 1)")
            if index % 20 == 0 {
                proposals.append(
                    Self.recorded(
                        .addItem(Self.activity(number, under: parent, status: .proposed)),
                        "recording a proposal tabled at the meeting"))
                continue
            }
            approvals[index % areas.count / areasPerLine].append(
                .addItem(Self.activity(number, under: parent, status: .approved)))
            if index % 10 == 5 {
                completions.append(.changeStatus(item: number, to: .completed))
            } else {
                let status: Status = index % 4 == 1 ? .ongoing : .approved
                // Moving among the current statuses is progress the Secretariat reports, not a decision's.
                if status == .ongoing {
                    progress.append(Self.recorded(.changeStatus(item: number, to: .ongoing), "progress reported"))
                }
                liveActivities.append(number)
                statuses[number] = status
            }
        }
        changes = Self.foundation
        for (index, effects) in approvals.enumerated() {
            changes += Self.decided(
                Decision(
                    meeting: Self.meeting, paragraph: "\(index + 1)", kind: .decision,
                    text: .en(
                        "Approves line of action \(codes[codes.startIndex + index]) of the Plan of Action, with its "
                            + "areas and activities, as presented by the Technical Secretariat."),
                    effects: effects))
        }
        if !completions.isEmpty {
            changes += Self.decided(
                Decision(
                    meeting: Self.meeting, paragraph: "\(approvals.count + 1)", kind: .decision,
                    text: .en("Takes note that the activities listed are completed and closes them."),
                    effects: completions))
        }
        changes += proposals + progress
    }

    /// The opening record: the process, its first participant, the conference and its meeting.
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
        ].map { recorded($0, "setting up the benchmark's record") }
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

    /// A change the Secretariat enters on its editorial power.
    static func recorded(_ change: Change, _ reason: String) -> ProposedChange {
        ProposedChange(change, by: secretariat, authority: .editorial(reason: reason))
    }

    /// A decision transcribed by the Secretariat and confirmed by the Presidency: two entries, the second of
    /// which brings it into force and applies its effects.
    static func decided(_ decision: Decision) -> [ProposedChange] {
        [
            recorded(.recordDecision(decision), "transcribed from the meeting's outcome document"),
            ProposedChange(.confirmDecision(decision.id), by: presidency, authority: .decision(decision.id)),
        ]
    }
}

/// An endless, deterministic stream of changes the rules accept, of the kinds a plan's ledger is mostly
/// made of: for each activity in turn, a status move the Secretariat reports and a decision revising the
/// activity's title and timeline (transcribed, then confirmed: three entries in all), and, when `growth` is
/// set, a decision adding a new activity every `growth` entries, so that the record grows as the ledger does.
/// Each meeting of the conference has 50 paragraphs; a new one is recorded when the last is full.
struct Workload: Sendable {
    /// The paragraphs of each meeting.
    static let paragraphsPerMeeting = 50

    private var live: [ItemNumber]
    private var statuses: [ItemNumber: Status]
    private let areas: [ItemNumber]
    private var activitiesPerArea: Int
    private let growth: Int?
    private var added = 0
    private var cycle = 0
    private var decisions = 0
    private var emitted = 0
    private var queue: [ProposedChange] = []

    init(on fixture: PlanFixture, growth: Int? = nil) {
        live = fixture.liveActivities
        statuses = fixture.statuses
        areas = fixture.areas
        activitiesPerArea = fixture.activitiesPerArea
        self.growth = growth
    }

    mutating func next() -> ProposedChange {
        if queue.isEmpty { queue = nextChanges().reversed() }
        emitted += 1
        return queue.removeLast()
    }

    /// The entries of the next step: a new activity, or a move and a revision of the next activity.
    private mutating func nextChanges() -> [ProposedChange] {
        if live.isEmpty || growth.map({ emitted / $0 >= added }) == true { return addActivity() }
        defer { cycle += 1 }
        let number = live[cycle % live.count]
        // ongoing ⇄ pending completion is a move the rules allow any number of times.
        let next: Status = statuses[number] == .ongoing ? .pendingCompletion : .ongoing
        statuses[number] = next
        let move = PlanFixture.recorded(.changeStatus(item: number, to: next), "progress reported by the lead")
        return [move]
            + decide(
                .en(
                    "Agrees to revise the title and the timeline of activity \(number) (revision \(cycle)).",
                    es: "Acuerda revisar el título y el calendario de la actividad \(number) (revisión \(cycle))."),
                [
                    .amendItem(
                        ItemAmendment(
                            number: number,
                            title: .en(
                                "Activity \(number): exchange good practices on the protection of migrants (revision \(cycle))",
                                es:
                                    "Actividad \(number): intercambiar buenas prácticas sobre la protección de personas migrantes (revisión \(cycle))"
                            ),
                            timeline: Timeline(
                                text: .en("By the XXVI RCM, as revised"), target: PartialDate(year: 2027, month: 1))))
                ])
    }

    private mutating func addActivity() -> [ProposedChange] {
        let area = areas[added % areas.count]
        let number = ItemNumber("\(area).\(activitiesPerArea + added / areas.count + 1)")
        added += 1
        live.append(number)
        statuses[number] = .approved
        return decide(
            .en(
                "Approves activity \(number) under area \(area).",
                es: "Aprueba la actividad \(number) en el área \(area)."),
            [.addItem(PlanFixture.activity(number, under: area, status: .approved))])
    }

    /// The next paragraph, declaring `effects`, transcribed and confirmed; after the Secretariat records its
    /// meeting when it is the meeting's first.
    private mutating func decide(_ text: LocalizedText, _ effects: [Change]) -> [ProposedChange] {
        let session = decisions / Self.paragraphsPerMeeting + 1
        let paragraph = decisions % Self.paragraphsPerMeeting + 1
        decisions += 1
        let meeting = MeetingID("RCM-S\(session)")
        var changes: [ProposedChange] = []
        if paragraph == 1 {
            // A day apart from 1 January 2021, in months of 28 days: 336 meetings a year, all long past.
            let day = session - 1
            changes.append(
                PlanFixture.recorded(
                    .addMeeting(
                        Meeting(
                            id: meeting, body: "RCM", title: .en("Session \(session) of the Regional Conference"),
                            start: PartialDate(year: 2021 + day / 336, month: day / 28 % 12 + 1, day: day % 28 + 1),
                            place: .en("San José, Costa Rica"), host: "MEX", attendance: ["MEX"])),
                    "setting up the benchmark's record"))
        }
        return changes
            + PlanFixture.decided(
                Decision(meeting: meeting, paragraph: "\(paragraph)", kind: .decision, text: text, effects: effects))
    }
}
