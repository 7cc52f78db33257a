import AccordCore
import Hummingbird

// The governance records the generic record routes serve: list, show and add.

extension Proposal: RecordEntity {
    static let singular = "proposal"
    static let plural = "proposals"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Proposal] { Array(state.proposals.values) }
    static func find(_ code: String, in state: ProcessState) -> Proposal? { state.proposals[.init(code)] }
    static func adding(_ value: Proposal) -> Change { .submitProposal(value) }
    struct Filter: Decodable, Sendable {
        var status: ProposalStatus?
        var submitter: ParticipantID?
    }
    static func matches(_ value: Proposal, _ filter: Filter) -> Bool {
        (filter.status.map { $0 == value.status } ?? true) && (filter.submitter.map { $0 == value.submitter } ?? true)
    }
}

extension Edition: RecordEntity {
    static let singular = "edition"
    static let plural = "editions"
    var code: String { String(number) }
    static func all(in state: ProcessState) -> [Edition] { Array(state.editions.values) }
    static func find(_ code: String, in state: ProcessState) -> Edition? { Int(code).flatMap { state.editions[$0] } }
    static func adding(_ value: Edition) -> Change { .proposeEdition(value) }
}

extension StandingItem: RecordEntity {
    static let singular = "standingItem"
    static let plural = "standing-items"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [StandingItem] { Array(state.standingItems.values) }
    static func find(_ code: String, in state: ProcessState) -> StandingItem? { state.standingItems[.init(code)] }
    static func adding(_ value: StandingItem) -> Change { .addStandingItem(value) }
    struct Filter: Decodable, Sendable { var body: BodyID? }
    static func matches(_ value: StandingItem, _ filter: Filter) -> Bool {
        filter.body.map { $0 == value.body } ?? true
    }
}

// Records written through their own routes; the conformance gives them the shared show and write helpers.

extension Comment: RecordEntity {
    static let singular = "comment"
    static let plural = "comments"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Comment] { Array(state.comments.values) }
    static func find(_ code: String, in state: ProcessState) -> Comment? { state.comments[.init(code)] }
    static func adding(_ value: Comment) -> Change { .fileComment(value) }
}

extension DraftDecision: RecordEntity {
    static let singular = "draft"
    static let plural = "drafts"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [DraftDecision] { Array(state.drafts.values) }
    static func find(_ code: String, in state: ProcessState) -> DraftDecision? { state.drafts[.init(code)] }
    static func adding(_ value: DraftDecision) -> Change { .tableDraft(value) }
}

extension Challenge: RecordEntity {
    static let singular = "challenge"
    static let plural = "challenges"
    var code: String { id.rawValue }
    static func all(in state: ProcessState) -> [Challenge] { Array(state.challenges.values) }
    static func find(_ code: String, in state: ProcessState) -> Challenge? { state.challenges[.init(code)] }
    static func adding(_ value: Challenge) -> Change {
        .challengeEditorial(
            ChallengeStatement(sequence: value.sequence, participant: value.challenger, reason: value.reason))
    }
    struct Filter: Decodable, Sendable { var status: ChallengeStatus? }
    static func matches(_ value: Challenge, _ filter: Filter) -> Bool {
        filter.status.map { $0 == value.status } ?? true
    }
}

extension Agenda: RecordEntity {
    static let singular = "agenda"
    static let plural = "agendas"
    var code: String { meeting.rawValue }
    static func all(in state: ProcessState) -> [Agenda] { Array(state.agendas.values) }
    static func find(_ code: String, in state: ProcessState) -> Agenda? { state.agendas[.init(code)] }
    static func adding(_ value: Agenda) -> Change { .setAgenda(value) }
}

/// A signed write whose only content is who acts and on what authority.
struct NoFields: Decodable, Sendable {}
