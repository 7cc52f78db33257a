import AccordCore

/// What changed, as an Atom feed (RFC 4287): the newest records of the plan, decisions, editions, reports,
/// events and mandates a reader may see, each entry the record's latest version with the time its ledger
/// entry was made. A pure function of a state already reduced by the read policy, so the public's feed holds
/// only what is published.
public enum AtomFeed {
    /// The kinds of record a feed follows, in the order a reader's list of changes groups them.
    public static let categories = ["item", "decision", "edition", "report", "event", "release", "mandate", "cycle"]
    static let followed = Set(categories)

    /// The records of `state` a feed would carry, newest first, with the ledger position of their last change:
    /// what the caller dates (`recordedAt`) before asking for the feed.
    public static func changes(in state: ProcessState, limit: Int = 50) -> [(ref: EntityRef, sequence: Int64)] {
        state.lastChanged.filter { followed.contains($0.key.kind) }.map { ($0.key, $0.value) }
            .sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(limit).map { $0 }
    }

    /// The feed in `language`.
    ///
    /// - Parameters:
    ///   - recordedAt: when each ledger position of `changes(in:)` was recorded; an entry without one is left out.
    ///   - selfLink: the feed's own path, written as its `rel="self"` link.
    public static func feed(
        of state: ProcessState, language: Language, recordedAt: [Int64: Timestamp], selfLink: String,
        generatedAt: Timestamp, limit: Int = 50
    ) -> String {
        let entries = changes(in: state, limit: limit).compactMap { change -> String? in
            guard let time = recordedAt[change.sequence], let entry = entry(change.ref, in: state, language: language)
            else { return nil }
            return entry.xml(id: "\(tagPrefix)\(change.ref.kind)/\(change.ref.id)/\(change.sequence)", updated: time)
        }
        let updated = changes(in: state, limit: 1).first.flatMap { recordedAt[$0.sequence] } ?? generatedAt
        let title = state.process.map { $0.name.text(in: language) } ?? "Accord"
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(language.rawValue)">"# + "\n"
        xml += "<id>\(tagPrefix)feed/\(language.rawValue)</id>\n"
        xml += "<title>\(Markup.escaped(title))</title>\n"
        xml += "<updated>\(rfc3339(updated))</updated>\n"
        xml += "<author><name>\(Markup.escaped(title))</name></author>\n"
        xml += #"<link rel="self" type="application/atom+xml" href="\#(Markup.escaped(selfLink))"/>"# + "\n"
        xml += #"<generator>Accord</generator>"# + "\n"
        xml += entries.joined()
        xml += "</feed>\n"
        return xml
    }

    /// What changed after ledger position `since`, as plain text for an e-mail digest: one line per record,
    /// newest first ("report: CAN · SANTIAGO-1998-MW-IACHR · published — /fr/reports/…"), and how many.
    public static func digest(
        of state: ProcessState, language: Language, since: Int64, limit: Int = 200
    ) -> (text: String, count: Int) {
        let lines = described(in: state, language: language, since: since, limit: limit).map { change in
            "- \(change.entry.category): \(change.entry.title)" + (change.entry.link.map { " — \($0)" } ?? "")
        }
        return (lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), lines.count)
    }

    /// The records of `state` that changed after ledger position `since`, newest first, each described as its
    /// feed entry is: what an e-mail digest and a reader's "changes since my last visit" list.
    public static func described(
        in state: ProcessState, language: Language, since: Int64, limit: Int = 200
    ) -> [(ref: EntityRef, sequence: Int64, entry: Entry)] {
        changes(in: state, limit: limit).filter { $0.sequence > since }.compactMap { change in
            entry(change.ref, in: state, language: language).map { (change.ref, change.sequence, $0) }
        }
    }

    /// Every id starts so: a tag URI (RFC 4151) under a reserved domain, since an installation's own is not known.
    static let tagPrefix = "tag:accord.invalid,2025:"

    /// One entry before it is dated.
    public struct Entry: Sendable, Hashable {
        /// The kind of record, one of `categories`.
        public var category: String
        public var title: String
        public var summary: String
        /// The page that shows it (with its language prefix), where there is one.
        public var link: String?

        func xml(id: String, updated: Timestamp) -> String {
            var xml = "<entry>\n<id>\(Markup.escaped(id))</id>\n<title>\(Markup.escaped(title))</title>\n"
            xml += "<updated>\(rfc3339(updated))</updated>\n"
            xml += #"<category term="\#(category)"/>"# + "\n"
            // RFC 4287 §4.1.1: an entry with no alternate link must have content; one without a page of its own
            // (an event, a mandate) carries its text as content rather than as a summary.
            if let link {
                xml += #"<link rel="alternate" type="text/html" href="\#(Markup.escaped(link))"/>"# + "\n"
                xml += "<summary>\(Markup.escaped(summary))</summary>\n</entry>\n"
            } else {
                xml += "<content type=\"text\">\(Markup.escaped(summary))</content>\n</entry>\n"
            }
            return xml
        }
    }

    static func entry(_ ref: EntityRef, in state: ProcessState, language: Language) -> Entry? {
        let lang = "/\(language.rawValue)"
        switch ref {
        case .item(let number):
            guard let item = state.items[number] else { return nil }
            return Entry(
                category: "item", title: "\(number) \(item.title.text(in: language))",
                summary: item.status.rawValue + (item.text.map { ": " + $0.text(in: language) } ?? ""),
                link: "\(lang)/items/\(number)")
        case .decision(let id):
            guard let decision = state.decisions[id] else { return nil }
            return Entry(
                category: "decision", title: id.rawValue, summary: decision.text.text(in: language),
                link: "\(lang)/decisions?id=\(id)")
        case .edition(let number):
            guard let edition = state.editions[number] else { return nil }
            return Entry(
                category: "edition", title: edition.title.text(in: language), summary: edition.date.description,
                link: "\(lang)/editions")
        case .report(let id):
            guard let report = state.reports[id] else { return nil }
            let summary = report.sections.texts.compactMap { $0.text?.text(in: language) }.first ?? ""
            return Entry(
                category: "report", title: "\(report.participant) · \(report.mandate) · \(report.status.rawValue)",
                summary: summary, link: "\(lang)/reports/\(id)")
        case .event(let id):
            guard let event = state.events[id] else { return nil }
            let when = [event.place?.text(in: language), event.start?.description].compactMap { $0 }
            return Entry(
                category: "event", title: event.title.text(in: language), summary: when.joined(separator: ", "),
                link: nil)
        case .mandate(let id):
            guard let mandate = state.mandates[id] else { return nil }
            return Entry(category: "mandate", title: id.rawValue, summary: mandate.text.text(in: language), link: nil)
        case .release(let number):
            guard let release = state.releases[number] else { return nil }
            return Entry(
                category: "release",
                title: language.pick(("Publicación estadística", "Statistical release", "Publication statistique"))
                    + " \(number) · \(release.date)",
                summary: release.notes?.text(in: language) ?? "", link: "\(lang)/statistics")
        case .cycle(let id):
            guard let cycle = state.cycles[id] else { return nil }
            return Entry(
                category: "cycle", title: cycle.title.text(in: language),
                summary: cycle.due.map { "due \($0)" } ?? "", link: "\(lang)/reports?cycle=\(id)")
        default:
            return nil
        }
    }

    /// RFC 3339 date-time: the ledger's own timestamps are already written so.
    static func rfc3339(_ time: Timestamp) -> String { time.description }
}
