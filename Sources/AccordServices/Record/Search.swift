import AccordCore
import AccordStore

/// One thing search found, as the reader may see it.
public struct SearchHit: Sendable, Codable, Equatable {
    /// What it is: item, decision, draft, proposal, comment, meeting, participant, body, workplan or
    /// standing-item.
    public var kind: String
    /// Its code: an item's number, a decision's, a meeting's…
    public var id: String
    /// The language whose words matched, in which to show it.
    public var language: Language
    /// What names it: an item's title, a decision's text, a participant's name…
    public var title: LocalizedText
    /// More of it where there is more: an item's description, a meeting's place.
    public var text: LocalizedText?
    /// For a comment, the proposal it answers (the page that shows it).
    public var proposal: String?
}

/// What a search found: the hits, best first, and whether there were more than were asked for.
public struct SearchResults: Sendable, Codable, Equatable {
    public var query: String
    public var hits: [SearchHit]
    public var more: Bool
}

extension RecordService {
    /// The most hits one search returns.
    public static let searchLimit = 200

    /// The entities whose words (in some language) hold each part of `query` — a word's beginning, or words
    /// in a row such as "MPM-1.1" — ignoring case and accents ("migracion" finds "migración"), as `principal`
    /// may see them, best match first.
    ///
    /// The full-text index holds the working record; every hit is kept only when the state the read policy
    /// gives `principal` holds its entity, so that the public never finds, nor counts, a proposed item, a
    /// draft or a proposal it is not invited to, whatever words it tries.
    /// - Parameters:
    ///   - limit: at most this many hits (1 to `searchLimit`).
    ///   - language: where an entity matched in several languages, the one to show it in.
    /// - Throws: `AuthError.invalid` naming `q` for a query longer than 200 characters, `limit` out of range.
    public func search(
        _ query: String, for principal: Principal?, limit: Int = 50, language: Language? = nil
    ) async throws -> SearchResults {
        guard query.count <= 200 else {
            throw AuthError.invalid(field: "q", reason: "search for at most 200 characters")
        }
        guard (1...Self.searchLimit).contains(limit) else {
            throw AuthError.invalid(field: "limit", reason: "a search returns 1 to \(Self.searchLimit) hits")
        }
        let phrases = SearchText.phrases(in: query)
        guard !phrases.isEmpty else { return SearchResults(query: query, hits: [], more: false) }
        let state = try await state(for: principal)
        var hits: [SearchHit] = []
        var found: [EntityRef: Int] = [:]
        var (offset, page) = (0, max(2 * limit, 100))
        // Pages of matches until enough are visible: the policy may hide many of the best ones, so each page
        // asked for is twice the last.
        while hits.count <= limit {
            let matches = try await store.searchIndex(for: phrases, limit: page, offset: offset)
            for match in matches where state.holds(match.entity) {
                if let index = found[match.entity] {
                    if match.language == language { hits[index].language = match.language }
                    continue
                }
                guard let hit = Self.hit(match, in: state) else { continue }
                found[match.entity] = hits.count
                hits.append(hit)
            }
            guard matches.count == page else { break }
            (offset, page) = (offset + page, page * 2)
        }
        return SearchResults(query: query, hits: Array(hits.prefix(limit)), more: hits.count > limit)
    }

    /// The hit `match` is in `state`, or nil for an entity it does not hold.
    static func hit(_ match: SearchMatch, in state: ProcessState) -> SearchHit? {
        let (title, text, proposal): (LocalizedText?, LocalizedText?, String?) =
            switch match.entity {
            case .item(let id): (state.items[id]?.title, state.items[id]?.text, nil)
            case .decision(let id): (state.decisions[id]?.text, nil, nil)
            case .draft(let id): (state.drafts[id]?.text, nil, nil)
            case .proposal(let id): (state.proposals[id]?.title, nil, nil)
            case .comment(let id):
                (state.comments[id]?.text, nil, state.comments[id]?.proposal.rawValue)
            case .meeting(let id): (state.meetings[id]?.title, state.meetings[id]?.place, nil)
            case .participant(let id): (state.participants[id]?.name, nil, nil)
            case .body(let id): (state.bodies[id]?.name, nil, nil)
            case .workplan(let id): (state.workplans[id]?.title, nil, nil)
            case .standingItem(let id): (state.standingItems[id]?.title, nil, nil)
            case .mandate(let id): (state.mandates[id]?.text, state.mandates[id]?.theme, nil)
            case .event(let id): (state.events[id]?.title, state.events[id]?.place, nil)
            case .process, .editorial, .challenge, .edition, .agenda, .externalPlan, .cycle, .report, .series, .code,
                .vintage, .release, .attachment:
                (nil, nil, nil)
            }
        guard let title else { return nil }
        return SearchHit(
            kind: match.entity.kind, id: match.entity.id, language: match.language, title: title, text: text,
            proposal: proposal)
    }
}
