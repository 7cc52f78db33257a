/// What changed in the Plan of Action and its annexes between two points of the ledger: two editions, two
/// positions, or an edition and the working plan (DESIGN.md §3 rule 5).
///
/// Each item that differs gets one entry listing all its changes; items are in the plan's reading order.
public struct PlanComparison: Codable, Sendable, Hashable {
    /// The ledger positions compared.
    public var from: Int64
    public var to: Int64
    public var items: [ItemChange]
    public var workplans: [WorkplanChange]

    /// How many items were added, removed, moved, renumbered, changed status or text.
    public var summary: [String: Int] {
        var counts: [String: Int] = [:]
        for item in items {
            for kind in item.kinds { counts[kind, default: 0] += 1 }
        }
        return counts
    }

    /// Everything that differs for one item.
    public struct ItemChange: Codable, Sendable, Hashable {
        /// Its number in the later state (the earlier one for an item that is gone).
        public var number: ItemNumber
        public var kind: ItemKind
        public var workplan: WorkplanID?
        /// Its title in the later state, authoritative language.
        public var title: String
        /// In the current version now and not before: "new" (not in the record before) or "entered" (e.g. a
        /// proposal approved).
        public var added: String?
        /// Left the current version: the status it left with, or "gone" when the number is no longer in
        /// the record (renumbered items say so instead).
        public var removed: String?
        /// The earlier number of a renumbered item.
        public var renumberedFrom: ItemNumber?
        public var moved: Move?
        public var status: Pair<Status>?
        public var leads: Pair<[Lead]>?
        public var timeline: Pair<Timeline?>?
        public var texts: [TextChange]

        /// The kinds of change, for counting: added, removed, renumbered, moved, status, leads, timeline, text.
        public var kinds: [String] {
            var kinds: [String] = []
            if added != nil { kinds.append("added") }
            if removed != nil { kinds.append("removed") }
            if renumberedFrom != nil { kinds.append("renumbered") }
            if moved != nil { kinds.append("moved") }
            if status != nil { kinds.append("status") }
            if leads != nil { kinds.append("leads") }
            if timeline != nil { kinds.append("timeline") }
            if !texts.isEmpty { kinds.append("text") }
            return kinds
        }
    }

    /// A value before and after.
    public struct Pair<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
        public var before: Value
        public var after: Value
    }

    /// A change of place: parent or workplan.
    public struct Move: Codable, Sendable, Hashable {
        public var fromParent: ItemNumber?
        public var toParent: ItemNumber?
        public var fromWorkplan: WorkplanID?
        public var toWorkplan: WorkplanID?
    }

    /// A text field changed in one language.
    public struct TextChange: Codable, Sendable, Hashable {
        /// "title" or "text".
        public var field: String
        public var language: Language
        /// Whether the language is the authoritative one (a substantive change) or a translation.
        public var isAuthoritative: Bool
        public var diff: WordDiff
    }

    /// A workplan added, or whose status or title changed.
    public struct WorkplanChange: Codable, Sendable, Hashable {
        public var id: WorkplanID
        public var added: Bool
        public var status: Pair<Status>?
        public var title: [TextChange]
    }

    /// Compares the plan in `old` with the plan in `new`.
    ///
    /// - Parameter renumbered: numbers given to items between the two states, old → new, where the record
    ///   knows them; otherwise a number gone and a number new with the same kind and authoritative title
    ///   are read as one item renumbered.
    public init(from old: ProcessState, to new: ProcessState, renumbered: [ItemNumber: ItemNumber] = [:]) {
        from = old.sequence
        to = new.sequence
        var pairs = renumbered.filter { old.items[$0.key] != nil && new.items[$0.value] != nil }
        let gone = old.items.values.filter { new.items[$0.number] == nil && pairs[$0.number] == nil }
        let taken = Set(pairs.values)
        var fresh: [String: [PlanItem]] = [:]
        for item in new.items.values where old.items[item.number] == nil && !taken.contains(item.number) {
            fresh["\(item.kind.rawValue)|\(item.title.original)", default: []].append(item)
        }
        for item in gone {
            let key = "\(item.kind.rawValue)|\(item.title.original)"
            if let match = fresh[key]?.first {
                pairs[item.number] = match.number
                fresh[key]?.removeFirst()
            }
        }
        let newNumberOf = pairs
        let oldNumberOf = Dictionary(pairs.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })

        var changes: [ItemChange] = []
        // Structure shared by the two states is compared by identity first: unchanged items cost little.
        for item in new.items.values {
            let oldNumber = oldNumberOf[item.number] ?? item.number
            let before = old.items[oldNumber]
            if let before, before == item { continue }
            if let change = Self.change(before, item, renumbered: oldNumberOf[item.number]) { changes.append(change) }
        }
        for item in old.items.values where new.items[item.number] == nil && newNumberOf[item.number] == nil {
            guard item.status.isCurrent else { continue }
            changes.append(
                ItemChange(
                    number: item.number, kind: item.kind, workplan: item.workplan, title: item.title.original,
                    removed: "gone", texts: []))
        }
        items = changes.sorted { ReadingKey($0.number) < ReadingKey($1.number) }

        var workplanChanges: [WorkplanChange] = []
        for workplan in new.workplans.values.sorted(by: { $0.id < $1.id }) {
            guard let before = old.workplans[workplan.id] else {
                workplanChanges.append(WorkplanChange(id: workplan.id, added: true, status: nil, title: []))
                continue
            }
            guard before != workplan else { continue }
            let titles = Self.texts(before.title, workplan.title, field: "title")
            let status = before.status == workplan.status ? nil : Pair(before: before.status, after: workplan.status)
            if status != nil || !titles.isEmpty {
                workplanChanges.append(WorkplanChange(id: workplan.id, added: false, status: status, title: titles))
            }
        }
        workplans = workplanChanges
    }

    private static func change(_ old: PlanItem?, _ new: PlanItem, renumbered: ItemNumber?) -> ItemChange? {
        var change = ItemChange(
            number: new.number, kind: new.kind, workplan: new.workplan, title: new.title.original,
            renumberedFrom: renumbered, texts: [])
        let wasCurrent = old?.status.isCurrent ?? false
        if new.status.isCurrent, !wasCurrent { change.added = old == nil ? "new" : "entered" }
        if wasCurrent, !new.status.isCurrent { change.removed = new.status.rawValue }
        guard let old else {
            return change.added == nil ? nil : change
        }
        if old.status != new.status { change.status = Pair(before: old.status, after: new.status) }
        if old.parent != new.parent || old.workplan != new.workplan {
            change.moved = Move(
                fromParent: old.parent, toParent: new.parent, fromWorkplan: old.workplan, toWorkplan: new.workplan)
        }
        if old.leads != new.leads { change.leads = Pair(before: old.leads, after: new.leads) }
        if old.timeline != new.timeline { change.timeline = Pair(before: old.timeline, after: new.timeline) }
        change.texts = texts(old.title, new.title, field: "title")
        switch (old.text, new.text) {
        case (let before?, let after?): change.texts += texts(before, after, field: "text")
        case (nil, let after?):
            change.texts += texts(LocalizedText(authoritative: after.authoritative, [:]), after, field: "text")
        case (let before?, nil):
            change.texts += texts(before, LocalizedText(authoritative: before.authoritative, [:]), field: "text")
        case (nil, nil): break
        }
        return change.kinds.isEmpty ? nil : change
    }

    static func texts(_ old: LocalizedText, _ new: LocalizedText, field: String) -> [TextChange] {
        Language.allCases.compactMap { language in
            let before = old[language] ?? ""
            let after = new[language] ?? ""
            guard before != after else { return nil }
            return TextChange(
                field: field, language: language,
                isAuthoritative: language == new.authoritative || language == old.authoritative,
                diff: WordDiff(before, after))
        }
    }
}
