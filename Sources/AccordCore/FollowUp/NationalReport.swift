/// Identifies a report: its cycle, its mandate and the country whose report it is ("QUEBEC-2001/SPA-MW-1/CAN"),
/// or `coordinator` for the coordinator's report ("QUEBEC-2001/SPA-MW-1/coordinator").
public typealias ReportID = Identifier<NationalReport>

/// Whose report it is.
public enum ReportKind: String, Codable, Sendable, CaseIterable {
    /// What one country did on the mandate.
    case national
    /// The coordinator's report on the mandate as a whole, filed by the coordinator or a co-coordinator.
    case coordinator
}

/// Where a report is in its life: draft → submitted → published.
public enum ReportStatus: String, Codable, Sendable, CaseIterable {
    /// Being written; the country may revise it freely. Only the working side reads it.
    case draft
    /// Sent for the cycle's review; later revisions stay submitted. Only the working side reads it.
    case submitted
    /// Published by the Secretariat after review: the public reads it, and it is no longer revised.
    case published
}

/// What a country did on a mandate, section by section, as the follow-up of Summit mandates asks it: goals
/// and summary, actions taken, partnerships, financing, beneficiaries, limitations met, next steps, links.
public struct ReportSections: Codable, Sendable, Hashable {
    public var summary: LocalizedText?
    public var actions: LocalizedText?
    public var partnerships: LocalizedText?
    public var financing: LocalizedText?
    public var beneficiaries: LocalizedText?
    public var limitations: LocalizedText?
    public var nextSteps: LocalizedText?
    /// Addresses of documents the report refers to (http or https).
    public var links: [String]

    public init(
        summary: LocalizedText? = nil, actions: LocalizedText? = nil, partnerships: LocalizedText? = nil,
        financing: LocalizedText? = nil, beneficiaries: LocalizedText? = nil, limitations: LocalizedText? = nil,
        nextSteps: LocalizedText? = nil, links: [String] = []
    ) {
        self.summary = summary
        self.actions = actions
        self.partnerships = partnerships
        self.financing = financing
        self.beneficiaries = beneficiaries
        self.limitations = limitations
        self.nextSteps = nextSteps
        self.links = links
    }

    /// The text sections in the order a report lays them out, with the name each has in JSON.
    public var texts: [(name: String, text: LocalizedText?)] {
        [
            ("summary", summary), ("actions", actions), ("partnerships", partnerships), ("financing", financing),
            ("beneficiaries", beneficiaries), ("limitations", limitations), ("nextSteps", nextSteps),
        ]
    }

    /// Whether no section says anything.
    public var isEmpty: Bool { links.isEmpty && texts.allSatisfy { $0.text == nil } }
}

/// Whether an indicator is measured in numbers or described in words.
public enum IndicatorKind: String, Codable, Sendable, CaseIterable {
    /// Numbers: a baseline and an actual value are required, so that progress can be read.
    case quantitative
    /// Words: baseline, target and actual are descriptions.
    case qualitative
}

/// A measure of progress a report gives: "persons trained", from a baseline towards a target.
///
/// Values are kept as written — decimal numbers for a quantitative indicator ("1250", "12.5") — since the
/// ledger's canonical encoding holds no fractions, and a value must come back exactly as the country gave it.
public struct Indicator: Codable, Sendable, Hashable {
    public var name: LocalizedText
    public var kind: IndicatorKind
    /// What a quantitative value counts ("persons", "USD", "%").
    public var unit: String?
    public var baseline: String?
    public var target: String?
    public var actual: String?
    public var note: LocalizedText?

    public init(
        name: LocalizedText, kind: IndicatorKind, unit: String? = nil, baseline: String? = nil, target: String? = nil,
        actual: String? = nil, note: LocalizedText? = nil
    ) {
        self.name = name
        self.kind = kind
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.actual = actual
        self.note = note
    }

    /// Whether `text` is a decimal number as a quantitative value is written: "12", "-3", "12.50".
    public static func isDecimal(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 30 }) else { return false }
        return parts.allSatisfy { $0.utf8.allSatisfy { (48...57).contains($0) } }
    }
}

/// A report as a country (or the Secretariat on its behalf) files it: a new report or a revision of its
/// current one. The rules derive the rest of the record — its revision number, when it was first submitted,
/// who put it on record — into a `NationalReport`.
public struct ReportFiling: Codable, Sendable, Hashable {
    public var cycle: CycleID
    public var mandate: MandateID
    /// The country the report is by: the reporting country, or for a coordinator's report the coordinator or
    /// co-coordinator who files it.
    public var participant: ParticipantID
    public var kind: ReportKind
    /// The language the report is written in: every section's authoritative text is in it.
    public var language: Language
    public var sections: ReportSections
    /// The events the report cites.
    public var events: [EventID]
    public var indicators: [Indicator]
    /// `draft` or `submitted`; publishing is the Secretariat's (`publish-report`).
    public var status: ReportStatus

    public init(
        cycle: CycleID, mandate: MandateID, participant: ParticipantID, kind: ReportKind = .national,
        language: Language, sections: ReportSections, events: [EventID] = [], indicators: [Indicator] = [],
        status: ReportStatus = .draft
    ) {
        self.cycle = cycle
        self.mandate = mandate
        self.participant = participant
        self.kind = kind
        self.language = language
        self.sections = sections
        self.events = events
        self.indicators = indicators
        self.status = status
    }

    /// The report this filing creates or revises: one current report per country, mandate and cycle (and one
    /// coordinator's report per mandate and cycle).
    public var reportID: ReportID {
        NationalReport.id(cycle: cycle, mandate: mandate, participant: kind == .national ? participant : nil)
    }
}

/// What one country did on one mandate in one reporting cycle (or, for a coordinator's report, what the
/// coordination did), with the events it cites: the current revision. Every earlier revision stays in the
/// ledger and in the projection's history.
public struct NationalReport: Codable, Sendable, Hashable, Identifiable {
    public var id: ReportID
    public var cycle: CycleID
    public var mandate: MandateID
    /// The reporting country; for a coordinator's report, who filed the current revision.
    public var participant: ParticipantID
    public var kind: ReportKind
    public var language: Language
    public var sections: ReportSections
    public var events: [EventID]
    public var indicators: [Indicator]
    public var status: ReportStatus
    /// 1 for the first filing, one more for each revision.
    public var revision: Int
    /// The day it was first submitted, as the ledger dates the entry; what tells a late report.
    public var submitted: PartialDate?
    /// Whether the country's delegation filed the current revision itself or the Secretariat did on its behalf.
    public var recordedBy: PositionRecord.Recorder
    /// The person who filed the current revision.
    public var recorder: String

    public init(
        filing: ReportFiling, revision: Int, submitted: PartialDate?, recordedBy: PositionRecord.Recorder,
        recorder: String
    ) {
        id = filing.reportID
        cycle = filing.cycle
        mandate = filing.mandate
        participant = filing.participant
        kind = filing.kind
        language = filing.language
        sections = filing.sections
        events = filing.events
        indicators = filing.indicators
        status = filing.status
        self.revision = revision
        self.submitted = submitted
        self.recordedBy = recordedBy
        self.recorder = recorder
    }

    /// The id of the report of `participant` (nil: the coordinator's report) on `mandate` in `cycle`.
    public static func id(cycle: CycleID, mandate: MandateID, participant: ParticipantID?) -> ReportID {
        ReportID("\(cycle)/\(mandate)/\(participant?.rawValue ?? coordinatorSegment)")
    }

    /// The id a path names by its three segments: the cycle, the mandate, and a country's code or
    /// `coordinator`.
    public static func id(cycle: String, mandate: String, segment: String) -> ReportID {
        id(
            cycle: CycleID(cycle), mandate: MandateID(mandate),
            participant: segment == coordinatorSegment ? nil : ParticipantID(segment))
    }

    /// The last segment of a coordinator's report's id: lower case, so that no participant's code can be it.
    public static let coordinatorSegment = "coordinator"

    /// Whether the report has been submitted (or published since).
    public var isSubmitted: Bool { status != .draft }

    /// The filing that would record this revision again: what a submission re-files with another status.
    public var filing: ReportFiling {
        ReportFiling(
            cycle: cycle, mandate: mandate, participant: participant, kind: kind, language: language,
            sections: sections, events: events, indicators: indicators, status: status)
    }
}
