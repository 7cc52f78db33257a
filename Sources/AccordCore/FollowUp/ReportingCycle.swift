/// Identifies a reporting cycle ("QUEBEC-2001").
public typealias CycleID = Identifier<ReportingCycle>

/// One round of reporting on an external plan's mandates: the period the reports cover, the date they are
/// due, and the meeting that receives and reviews them.
///
/// A report filed after the due date is flagged late, never refused: a late report is still the record.
public struct ReportingCycle: Codable, Sendable, Hashable, Identifiable {
    public var id: CycleID
    /// The external plan whose mandates are reported on.
    public var plan: ExternalPlanID
    public var title: LocalizedText
    /// The first day of the period reported on, as far as it is known.
    public var periodStart: PartialDate?
    /// The last day of the period reported on, as far as it is known.
    public var periodEnd: PartialDate?
    /// When reports are due; without one, no report is late.
    public var due: PartialDate?
    /// The meeting that receives the reports, where it is recorded.
    public var meeting: MeetingID?

    public init(
        id: CycleID, plan: ExternalPlanID, title: LocalizedText, periodStart: PartialDate? = nil,
        periodEnd: PartialDate? = nil, due: PartialDate? = nil, meeting: MeetingID? = nil
    ) {
        self.id = id
        self.plan = plan
        self.title = title
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.due = due
        self.meeting = meeting
    }

    /// Whether a report first submitted on `date` came after the due date (as far as both are known).
    public func isLate(_ date: PartialDate?) -> Bool {
        guard let due, let date else { return false }
        return due.isBefore(date)
    }
}
