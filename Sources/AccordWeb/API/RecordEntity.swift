import AccordCore

/// An entity of the record that the API lists, shows, adds and (where the process allows) replaces,
/// all through the same routes: `GET /plural`, `GET /plural/{code}`, `POST /plural`, `PUT /plural/{code}`.
protocol RecordEntity: Codable, Sendable {
    /// The JSON key a write body carries the entity under ("participant").
    static var singular: String { get }
    /// The path segment of its collection ("participants").
    static var plural: String { get }
    /// Its identifier as it appears in the path.
    var code: String { get }
    static func all(in state: ProcessState) -> [Self]
    static func find(_ code: String, in state: ProcessState) -> Self?
    /// The change that records a new one.
    static func adding(_ value: Self) -> Change
    /// Whether a recorded one may be replaced (`PUT`); decisions and bodies never are.
    static var isReplaceable: Bool { get }
    /// The change that replaces one, where replacing is allowed.
    static func replacing(_ value: Self) -> Change?
    /// The query of its list (`?status=…`), decoded before any record is read.
    associatedtype Filter: Decodable & Sendable = NoQuery
    /// Whether `value` passes the list's filter.
    static func matches(_ value: Self, _ filter: Filter) -> Bool
    /// The path of one record under its collection: `:code`, or `:meeting/:paragraph` for a decision, whose code
    /// holds a slash.
    static var codePath: String { get }
}

extension RecordEntity {
    static var isReplaceable: Bool { false }
    static func replacing(_ value: Self) -> Change? { nil }
    static var codePath: String { ":code" }
}

extension RecordEntity where Filter == NoQuery {
    static func matches(_ value: Self, _ filter: NoQuery) -> Bool { true }
}

/// A write body that carries one entity under its singular key: `{"participant": {…}}`.
struct Keyed<Value: RecordEntity>: Decodable, Sendable {
    var value: Value

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        value = try decoder.container(keyedBy: Key.self).decode(Value.self, forKey: Key(stringValue: Value.singular))
    }
}

extension Participant: RecordEntity {
    static let singular = "participant"
    static let plural = "participants"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Participant] { Array(state.participants.values) }
    static func find(_ code: String, in state: ProcessState) -> Participant? { state.participants[.init(code)] }
    static func adding(_ value: Participant) -> Change { .addParticipant(value) }
    static var isReplaceable: Bool { true }
    static func replacing(_ value: Participant) -> Change? { .amendParticipant(value) }
    struct Filter: Decodable, Sendable { var kind: ParticipantKind? }
    static func matches(_ value: Participant, _ filter: Filter) -> Bool { filter.kind.map { $0 == value.kind } ?? true }
}

extension Body: RecordEntity {
    static let singular = "body"
    static let plural = "bodies"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Body] { Array(state.bodies.values) }
    static func find(_ code: String, in state: ProcessState) -> Body? { state.bodies[.init(code)] }
    static func adding(_ value: Body) -> Change { .addBody(value) }
}

extension Meeting: RecordEntity {
    static let singular = "meeting"
    static let plural = "meetings"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Meeting] { Array(state.meetings.values) }
    static func find(_ code: String, in state: ProcessState) -> Meeting? { state.meetings[.init(code)] }
    static func adding(_ value: Meeting) -> Change { .addMeeting(value) }
    static var isReplaceable: Bool { true }
    static func replacing(_ value: Meeting) -> Change? { .amendMeeting(value) }
    struct Filter: Decodable, Sendable { var body: BodyID? }
    static func matches(_ value: Meeting, _ filter: Filter) -> Bool { filter.body.map { $0 == value.body } ?? true }
}

extension Decision: RecordEntity {
    static let singular = "decision"
    static let plural = "decisions"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Decision] { Array(state.decisions.values) }
    static func find(_ code: String, in state: ProcessState) -> Decision? { state.decisions[.init(code)] }
    static func adding(_ value: Decision) -> Change { .recordDecision(value) }
    static let codePath = ":meeting/:paragraph"
    struct Filter: Decodable, Sendable { var meeting: MeetingID? }
    static func matches(_ value: Decision, _ filter: Filter) -> Bool {
        filter.meeting.map { $0 == value.meeting } ?? true
    }
}

extension Workplan: RecordEntity {
    static let singular = "workplan"
    static let plural = "workplans"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Workplan] { Array(state.workplans.values) }
    static func find(_ code: String, in state: ProcessState) -> Workplan? { state.workplans[.init(code)] }
    static func adding(_ value: Workplan) -> Change { .addWorkplan(value) }
    static var isReplaceable: Bool { true }
    static func replacing(_ value: Workplan) -> Change? { .amendWorkplan(value) }
}

extension PlanItem: RecordEntity {
    static let singular = "item"
    static let plural = "items"
    var code: String { number.rawValue }
    static func all(in state: ProcessState) -> [PlanItem] { Array(state.items.values) }
    static func find(_ code: String, in state: ProcessState) -> PlanItem? { state.items[.init(code)] }
    static func adding(_ value: PlanItem) -> Change { .addItem(value) }
    /// An empty `workplan` or `parent` asks for the items without one.
    struct Filter: Decodable, Sendable {
        var status: Status?
        var workplan: String?
        var parent: String?
    }
    static func matches(_ value: PlanItem, _ filter: Filter) -> Bool {
        (filter.status.map { $0 == value.status } ?? true)
            && (filter.workplan.map { $0 == (value.workplan?.rawValue ?? "") } ?? true)
            && (filter.parent.map { $0 == (value.parent?.rawValue ?? "") } ?? true)
    }
}
