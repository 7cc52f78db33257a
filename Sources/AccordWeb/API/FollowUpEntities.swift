import AccordCore
import Hummingbird

// The follow-up of external plans that the record controllers serve: plans, mandates, cycles, events and event
// series are listed, shown, added and corrected like any record.

extension ExternalPlan: RecordEntity {
    static let singular = "plan"
    static let plural = "external-plans"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [ExternalPlan] { Array(state.externalPlans.values) }
    static func find(_ code: String, in state: ProcessState) -> ExternalPlan? { state.externalPlans[.init(code)] }
    static func adding(_ value: ExternalPlan) -> Change { .addExternalPlan(value) }
}

extension Mandate: RecordEntity {
    static let singular = "mandate"
    static let plural = "mandates"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Mandate] { Array(state.mandates.values) }
    static func find(_ code: String, in state: ProcessState) -> Mandate? { state.mandates[.init(code)] }
    static func adding(_ value: Mandate) -> Change { .addMandate(value) }
    static var isReplaceable: Bool { true }
    static func replacing(_ value: Mandate) -> Change? { .amendMandate(value) }
    struct Filter: Decodable, Sendable {
        var plan: ExternalPlanID?
        /// A member state coordinating it, as coordinator or co-coordinator.
        var coordinator: ParticipantID?
    }
    static func matches(_ value: Mandate, _ filter: Filter) -> Bool {
        (filter.plan.map { $0 == value.plan } ?? true) && (filter.coordinator.map(value.isCoordinated(by:)) ?? true)
    }
}

extension ReportingCycle: RecordEntity {
    static let singular = "cycle"
    static let plural = "cycles"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [ReportingCycle] { Array(state.cycles.values) }
    static func find(_ code: String, in state: ProcessState) -> ReportingCycle? { state.cycles[.init(code)] }
    static func adding(_ value: ReportingCycle) -> Change { .addCycle(value) }
    static var isReplaceable: Bool { true }
    static func replacing(_ value: ReportingCycle) -> Change? { .amendCycle(value) }
    struct Filter: Decodable, Sendable { var plan: ExternalPlanID? }
    static func matches(_ value: ReportingCycle, _ filter: Filter) -> Bool {
        filter.plan.map { $0 == value.plan } ?? true
    }
}

extension Event: RecordEntity {
    static let singular = "event"
    static let plural = "events"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Event] { Array(state.events.values) }
    static func find(_ code: String, in state: ProcessState) -> Event? { state.events[.init(code)] }
    static func adding(_ value: Event) -> Change { .recordEvent(value) }
    static var isReplaceable: Bool { true }
    static func replacing(_ value: Event) -> Change? { .amendEvent(value) }
    struct Filter: Decodable, Sendable {
        var kind: EventKind?
        var mandate: MandateID?
        var series: SeriesID?
    }
    static func matches(_ value: Event, _ filter: Filter) -> Bool {
        (filter.kind.map { $0 == value.kind } ?? true) && (filter.mandate.map(value.mandates.contains) ?? true)
            && (filter.series.map { $0 == value.series } ?? true)
    }
}

extension EventSeries: RecordEntity {
    static let singular = "series"
    static let plural = "event-series"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [EventSeries] { Array(state.series.values) }
    static func find(_ code: String, in state: ProcessState) -> EventSeries? { state.series[.init(code)] }
    static func adding(_ value: EventSeries) -> Change { .addEventSeries(value) }
}
