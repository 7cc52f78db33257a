/// Identifies an external plan the process follows up ("SANTIAGO-1998").
public typealias ExternalPlanID = Identifier<ExternalPlan>
/// Identifies a mandate of an external plan ("SANTIAGO-1998-MW-1").
public typealias MandateID = Identifier<Mandate>

/// A plan adopted elsewhere whose commitments the process follows up: the Plan of Action of the Santiago
/// Summit of the Americas (1998), say. Its mandates are what countries report on, cycle by cycle.
public struct ExternalPlan: Codable, Sendable, Hashable, Identifiable {
    public var id: ExternalPlanID
    /// Its name ("Plan d'action de Santiago").
    public var title: LocalizedText
    /// The summit or conference that adopted it, where the source names it.
    public var summit: LocalizedText?
    /// Where it was adopted, as far as the source says.
    public var place: LocalizedText?
    /// When it was adopted, as far as the source says.
    public var date: PartialDate?

    public init(
        id: ExternalPlanID, title: LocalizedText, summit: LocalizedText? = nil, place: LocalizedText? = nil,
        date: PartialDate? = nil
    ) {
        self.id = id
        self.title = title
        self.summit = summit
        self.place = place
        self.date = date
    }
}

/// One commitment of an external plan that the process follows up: its text as the plan words it, the
/// country that coordinates its implementation and the co-coordinators who share the task.
public struct Mandate: Codable, Sendable, Hashable, Identifiable {
    public var id: MandateID
    /// The external plan it belongs to.
    public var plan: ExternalPlanID
    /// Its paragraph in the plan ("III.2"), where the source gives it.
    public var paragraph: String?
    /// Its text, in the plan's languages; the authoritative one is the language the record was taken from.
    public var text: LocalizedText
    /// The plan's section or theme it falls under ("Travailleurs migrants").
    public var theme: LocalizedText?
    /// The member state designated to coordinate it.
    public var coordinator: ParticipantID?
    /// Member states sharing the coordination, each distinct from the coordinator and from one another.
    public var coCoordinators: [ParticipantID]
    /// The activities of the process's own Plan of Action that carry it out.
    public var activities: [ItemNumber]

    public init(
        id: MandateID, plan: ExternalPlanID, paragraph: String? = nil, text: LocalizedText,
        theme: LocalizedText? = nil, coordinator: ParticipantID? = nil, coCoordinators: [ParticipantID] = [],
        activities: [ItemNumber] = []
    ) {
        self.id = id
        self.plan = plan
        self.paragraph = paragraph
        self.text = text
        self.theme = theme
        self.coordinator = coordinator
        self.coCoordinators = coCoordinators
        self.activities = activities
    }

    /// Whether `participant` coordinates the mandate, as coordinator or co-coordinator: who may file the
    /// coordinator's report.
    public func isCoordinated(by participant: ParticipantID) -> Bool {
        coordinator == participant || coCoordinators.contains(participant)
    }
}
