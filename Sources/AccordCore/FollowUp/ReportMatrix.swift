/// Mandates × countries for one reporting cycle: who filed what, and who has not — what a coordinator needs
/// before the review meeting.
///
/// It is computed from a state, so each audience's matrix shows what it may read: outside the working side
/// only published reports count, and a draft or a submitted report there shows as none.
public struct ReportMatrix: Sendable, Hashable, Codable {
    public var cycle: CycleID
    /// The cycle's plan's mandates, in code order: the rows.
    public var mandates: [MandateID]
    /// The member states, in code order: the columns.
    public var countries: [ParticipantID]
    /// One cell per mandate and country, row by row.
    public var cells: [Cell]
    /// The coordinator's report of each mandate, where one is filed, row by row.
    public var coordinatorReports: [Cell]

    /// Where one country stands on one mandate in the cycle.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nothing filed (written "none").
        case noReport = "none"
        /// A draft, not yet submitted.
        case draft
        /// Submitted (or published) by the due date, or with no due date set.
        case submitted
        /// Submitted after the due date: flagged, never refused.
        case late
    }

    /// One cell: a country's report on a mandate (or the coordinator's report, with the filer's code).
    public struct Cell: Sendable, Hashable, Codable {
        public var mandate: MandateID
        public var country: ParticipantID?
        public var state: State
        public var report: ReportID?
        public var status: ReportStatus?
        public var revision: Int?
        public var submitted: PartialDate?
        /// The events the report cites.
        public var events: [EventID]

        public init(mandate: MandateID, country: ParticipantID?, report: NationalReport?, cycle: ReportingCycle) {
            self.mandate = mandate
            self.country = country ?? report?.participant
            self.report = report?.id
            status = report?.status
            revision = report?.revision
            submitted = report?.submitted
            events = report?.events ?? []
            state =
                switch report {
                case nil: .noReport
                case let report? where !report.isSubmitted: .draft
                case let report?: cycle.isLate(report.submitted) ? .late : .submitted
                }
        }
    }

    /// The matrix of `cycle` in `state`, or nil when no such cycle is recorded there.
    public init?(of cycle: CycleID, in state: ProcessState) {
        guard let record = state.cycles[cycle] else { return nil }
        self.cycle = cycle
        mandates = state.mandates.values.filter { $0.plan == record.plan }.map(\.id).sorted()
        countries = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        var cells: [Cell] = []
        cells.reserveCapacity(mandates.count * countries.count)
        for mandate in mandates {
            for country in countries {
                let report = state.reports[NationalReport.id(cycle: cycle, mandate: mandate, participant: country)]
                cells.append(Cell(mandate: mandate, country: country, report: report, cycle: record))
            }
        }
        self.cells = cells
        coordinatorReports = mandates.compactMap { mandate in
            state.reports[NationalReport.id(cycle: cycle, mandate: mandate, participant: nil)].map {
                Cell(mandate: mandate, country: nil, report: $0, cycle: record)
            }
        }
    }

    /// The cell of `country` on `mandate`.
    public func cell(_ mandate: MandateID, _ country: ParticipantID) -> Cell? {
        guard let row = mandates.firstIndex(of: mandate), let column = countries.firstIndex(of: country) else {
            return nil
        }
        return cells[row * countries.count + column]
    }

    /// One country's column: its report on each mandate.
    public func column(of country: ParticipantID) -> [Cell] { cells.filter { $0.country == country } }

    /// One mandate's row: each country's report on it.
    public func row(of mandate: MandateID) -> [Cell] { cells.filter { $0.mandate == mandate } }

    /// The countries that have not filed on `mandate`: nothing, or only a draft.
    public func notFiled(on mandate: MandateID) -> [ParticipantID] {
        row(of: mandate).filter { $0.state == .noReport || $0.state == .draft }.compactMap(\.country)
    }

    /// The matrix reduced to one country's column and/or one mandate's row: the per-country and per-mandate
    /// views. A code the matrix lacks leaves an empty view.
    public func filtered(country: ParticipantID? = nil, mandate: MandateID? = nil) -> ReportMatrix {
        var matrix = self
        if let country {
            matrix.countries = countries.filter { $0 == country }
            matrix.cells = matrix.cells.filter { $0.country == country }
        }
        if let mandate {
            matrix.mandates = mandates.filter { $0 == mandate }
            matrix.cells = matrix.cells.filter { $0.mandate == mandate }
            matrix.coordinatorReports = coordinatorReports.filter { $0.mandate == mandate }
        }
        return matrix
    }

    /// How many cells are in each state.
    public var totals: [State: Int] { cells.reduce(into: [:]) { $0[$1.state, default: 0] += 1 } }
}

extension ProcessState {
    /// Whether `report` was first submitted after its cycle's due date.
    public func isLate(_ report: NationalReport) -> Bool {
        cycles[report.cycle]?.isLate(report.submitted) ?? false
    }

    /// The events of `series` that took place, oldest first (those without a date last).
    public func occurrences(of series: SeriesID) -> [Event] {
        events.values.filter { $0.series == series }.sorted { first, second in
            switch (first.start, second.start) {
            case (let one?, let other?) where one != other: one < other
            case (_?, nil): true
            case (nil, _?): false
            default: first.id < second.id
            }
        }
    }

    /// When the next occurrence of `series` is due — a period after the last dated one — and the latest it may
    /// come without breaking the series' longest gap; nil before any dated occurrence.
    public func nextOccurrence(of series: SeriesID) -> (due: PartialDate, latest: PartialDate?)? {
        guard let record = self.series[series],
            let last = occurrences(of: series).compactMap({ $0.end ?? $0.start }).max()
        else { return nil }
        return (last.adding(months: record.everyMonths), record.atLeastEveryMonths.map { last.adding(months: $0) })
    }
}
