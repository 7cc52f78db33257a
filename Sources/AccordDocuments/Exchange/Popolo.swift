import AccordCore
import Foundation

/// Popolo JSON (popolo-spec 1.0): who takes part, in what capacity, and how each member state stood on
/// each decision.
///
/// One document with four arrays: `organizations` (the process, its bodies, and every participant —
/// countries and organizations alike are organizations to Popolo), `memberships` (a participant's
/// membership of the process, one per period of its history: member state or observer), `motions` (every
/// decision paragraph and every draft still on the table) and `vote_events` (the positions recorded on each
/// draft). Consensus has no votes, so positions map to Popolo's options as follows: supports → `yes`,
/// does not object → `abstain` (joins the consensus without supporting), objects → `no`, reservation
/// pending consultation → `reservation`, a member state present with no position → `not voting`, absent →
/// `absent`.
public enum Popolo {
    /// The Popolo document of `state`, pretty-printed with sorted keys so that it diffs well.
    public static func export(_ state: ProcessState, language: Language) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(document(state, language: language))
    }

    static func document(_ state: ProcessState, language: Language) -> Document {
        let processID = state.process?.id.rawValue ?? "process"
        var organizations: [Organization] = []
        if let process = state.process {
            organizations.append(
                Organization(id: processID, name: process.name.text(in: language), classification: "process"))
        }
        for body in state.bodies.values.sorted(by: { $0.id < $1.id }) {
            organizations.append(
                Organization(
                    id: body.id.rawValue, name: body.name.text(in: language), classification: "body",
                    parentId: body.parent?.rawValue ?? processID))
        }
        var memberships: [Membership] = []
        for participant in state.participants.values.sorted(by: { $0.id < $1.id }) {
            let id = participant.id.rawValue
            organizations.append(
                Organization(
                    id: id, name: participant.name.text(in: language), classification: participant.kind.rawValue,
                    identifiers: participant.isCountry
                        ? [Identifier(identifier: id, scheme: "ISO 3166-1 alpha-3")] : nil))
            let history =
                participant.history.isEmpty
                ? [MembershipEvent(kind: participant.kind, since: nil)] : participant.history
            for (index, event) in history.enumerated() {
                let end = index + 1 < history.count ? history[index + 1].since : nil
                memberships.append(
                    Membership(
                        id: "\(id)-\(index + 1)", label: event.kind.rawValue, role: role(event.kind),
                        member: Reference(type: "Organization", id: id), organizationId: processID,
                        startDate: event.since?.description, endDate: end?.description))
            }
        }
        var motions: [Motion] = []
        var voteEvents: [VoteEvent] = []
        for decision in state.decisions.values.sorted(by: { $0.id < $1.id }) {
            let meeting = state.meetings[decision.meeting]
            motions.append(
                Motion(
                    id: decision.id.rawValue, organizationId: meeting?.body.rawValue,
                    legislativeSessionId: decision.meeting.rawValue, text: decision.text.text(in: language),
                    identifier: decision.id.rawValue, classification: decision.kind.rawValue,
                    date: meeting?.start.flatMap(dateTime), requirement: "consensus", result: "adopted"))
        }
        for draft in state.drafts.values.sorted(by: { $0.id < $1.id }) {
            let meeting = state.meetings[draft.meeting]
            if draft.status != .adopted {
                motions.append(
                    Motion(
                        id: draft.decisionID.rawValue, organizationId: meeting?.body.rawValue,
                        legislativeSessionId: draft.meeting.rawValue, text: draft.text.text(in: language),
                        identifier: draft.decisionID.rawValue, classification: draft.kind.rawValue,
                        date: meeting?.start.flatMap(dateTime), requirement: "consensus",
                        result: draft.status.rawValue))
            }
            voteEvents.append(voteEvent(draft, meeting: meeting, in: state))
        }
        return Document(
            organizations: organizations, memberships: memberships, motions: motions, voteEvents: voteEvents)
    }

    private static func voteEvent(_ draft: DraftDecision, meeting: Meeting?, in state: ProcessState) -> VoteEvent {
        let consensus = Consensus(on: draft, in: state)
        var votes: [Vote] = []
        let members = state.participants.values.filter { $0.kind == .memberState }.map(\.id).sorted()
        for member in members {
            let position = draft.positions.last { $0.participant == member }
            let option: String
            if let position {
                option = self.option(position.position)
            } else {
                option = consensus.present.contains(member) ? "not voting" : "absent"
            }
            votes.append(Vote(voterId: member.rawValue, option: option, role: position?.recordedBy.rawValue))
        }
        let counts = Dictionary(grouping: votes, by: \.option).map { Count(option: $0.key, value: $0.value.count) }
            .sorted { $0.option < $1.option }
        let result = draft.status == .adopted ? "pass" : consensus.isReached ? "consensus reached" : "no consensus"
        return VoteEvent(
            id: "vote-\(draft.decisionID.rawValue)", organizationId: meeting?.body.rawValue,
            legislativeSessionId: draft.meeting.rawValue, motionId: draft.decisionID.rawValue,
            startDate: meeting?.start.flatMap(dateTime), result: result, counts: counts, votes: votes)
    }

    static func option(_ position: Position) -> String {
        switch position {
        case .supports: "yes"
        case .doesNotObject: "abstain"
        case .objects: "no"
        case .reservation: "reservation"
        }
    }

    private static func role(_ kind: ParticipantKind) -> String {
        kind == .memberState ? "member state" : "observer"
    }

    /// Popolo's motion and vote-event dates are date-times: a day-precise date becomes its midnight UTC.
    private static func dateTime(_ date: PartialDate) -> String? {
        date.day == nil ? nil : "\(AkomaNtoso.date(date))T00:00:00Z"
    }

    struct Document: Encodable {
        var organizations: [Organization]
        var memberships: [Membership]
        var motions: [Motion]
        var voteEvents: [VoteEvent]
    }

    struct Organization: Encodable {
        var id: String
        var name: String
        var classification: String
        var parentId: String? = nil
        var identifiers: [Identifier]? = nil
    }

    struct Identifier: Encodable {
        var identifier: String
        var scheme: String
    }

    struct Reference: Encodable {
        var type: String
        var id: String

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case id
        }
    }

    struct Membership: Encodable {
        var id: String
        var label: String
        var role: String
        var member: Reference
        var organizationId: String
        var startDate: String?
        var endDate: String?
    }

    struct Motion: Encodable {
        var id: String
        var organizationId: String?
        var legislativeSessionId: String
        var text: String
        var identifier: String
        var classification: String
        var date: String?
        var requirement: String
        var result: String
    }

    struct VoteEvent: Encodable {
        var id: String
        var organizationId: String?
        var legislativeSessionId: String
        var motionId: String
        var startDate: String?
        var result: String
        var counts: [Count]
        var votes: [Vote]
    }

    struct Count: Encodable {
        var option: String
        var value: Int
    }

    struct Vote: Encodable {
        var voterId: String
        var option: String
        var role: String?
    }
}
