/// What full-text search reads of the record (issue 19.5): for each entity it finds, its words in each
/// language, so that the store indexes them and the application layer says what a hit was.
///
/// Search finds plan items, decisions, draft decisions, proposals, comments, meetings, participants, bodies,
/// workplans, standing agenda items, the mandates of the plans followed up and events. What a reader may see of them is decided afterwards, by the read
/// policy on the values (`published(for:)`): the index holds the working record, and a hit the reader may not
/// see is dropped before it is counted.
public enum SearchText {
    /// The kinds of entity search finds, as `EntityRef.kind` names them.
    public static let kinds: Set<String> = [
        "item", "decision", "draft", "proposal", "comment", "meeting", "participant", "body", "workplan",
        "standing-item", "mandate", "event",
    ]

    /// The words of `text`: its runs of letters and digits, everything else a separator ("MPM-1.3" is "MPM",
    /// "1" and "3"). Both databases index these words and fold case and accents themselves, and a query is
    /// split the same way, so that SQLite and PostgreSQL find the same entities.
    public static func words(in text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }

    /// What a query asks for: for each of its space-separated parts, the words in it, which must follow one
    /// another in that order (a phrase: "MPM-1.1" finds MPM-1.1 and not MPM-1), the last a prefix. Every part
    /// must be found, in any order. At most 12 parts of at most 8 words of at most 64 characters.
    public static func phrases(in query: String) -> [[String]] {
        query.split(whereSeparator: \.isWhitespace).prefix(12).compactMap { part in
            let words = words(in: String(part)).prefix(8).map { String($0.prefix(64)) }
            return words.isEmpty ? nil : words
        }
    }

    /// The searchable text of `texts` in `language`: the words of each, separated by single spaces, with
    /// `code` first; nil when none of `texts` exists in that language.
    static func document(code: String, _ texts: [LocalizedText?], in language: Language) -> String? {
        let present = texts.compactMap { $0?[language] }
        guard !present.isEmpty else { return nil }
        return ([code] + present).flatMap { words(in: $0) }.joined(separator: " ")
    }
}

extension ProcessState {
    /// The words of the entity `reference` names, in each language it has text in (its code in each), or
    /// nothing when the state does not hold it or search does not find its kind.
    public func searchDocuments(of reference: EntityRef) -> [Language: String] {
        let (code, texts): (String, [LocalizedText?])
        switch reference {
        case .item(let id):
            guard let item = items[id] else { return [:] }
            (code, texts) = (id.rawValue, [item.title, item.text])
        case .decision(let id):
            guard let decision = decisions[id] else { return [:] }
            (code, texts) = (id.rawValue, [decision.text])
        case .draft(let id):
            guard let draft = drafts[id] else { return [:] }
            (code, texts) = (id.rawValue, [draft.text])
        case .proposal(let id):
            guard let proposal = proposals[id] else { return [:] }
            (code, texts) = (id.rawValue, [proposal.title] + proposal.items.map(\.text))
        case .comment(let id):
            guard let comment = comments[id] else { return [:] }
            (code, texts) = (comment.proposal.rawValue, [comment.text])
        case .meeting(let id):
            guard let meeting = meetings[id] else { return [:] }
            (code, texts) = (id.rawValue, [meeting.title, meeting.place, meeting.theme])
        case .participant(let id):
            guard let participant = participants[id] else { return [:] }
            (code, texts) = (id.rawValue, [participant.name])
        case .body(let id):
            guard let body = bodies[id] else { return [:] }
            (code, texts) = (id.rawValue, [body.name])
        case .workplan(let id):
            guard let workplan = workplans[id] else { return [:] }
            (code, texts) = (id.rawValue, [workplan.title])
        case .standingItem(let id):
            guard let standing = standingItems[id] else { return [:] }
            (code, texts) = (id.rawValue, [standing.title])
        case .mandate(let id):
            guard let mandate = mandates[id] else { return [:] }
            (code, texts) = (id.rawValue, [mandate.text, mandate.theme])
        case .event(let id):
            guard let event = events[id] else { return [:] }
            (code, texts) = (id.rawValue, [event.title, event.place, event.note])
        case .process, .editorial, .challenge, .edition, .agenda, .externalPlan, .cycle, .report, .series, .code,
            .vintage, .release, .attachment:
            return [:]
        }
        var documents: [Language: String] = [:]
        for language in Language.allCases {
            documents[language] = SearchText.document(code: code, texts, in: language)
        }
        return documents
    }

    /// Every entity search finds in this state.
    public var searchableEntities: [EntityRef] {
        items.keys.map(EntityRef.item) + decisions.keys.map(EntityRef.decision) + drafts.keys.map(EntityRef.draft)
            + proposals.keys.map(EntityRef.proposal) + comments.keys.map(EntityRef.comment)
            + meetings.keys.map(EntityRef.meeting) + participants.keys.map(EntityRef.participant)
            + bodies.keys.map(EntityRef.body) + workplans.keys.map(EntityRef.workplan)
            + standingItems.keys.map(EntityRef.standingItem) + mandates.keys.map(EntityRef.mandate)
            + events.keys.map(EntityRef.event)
    }
}
