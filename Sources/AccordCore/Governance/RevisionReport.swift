/// DESIGN.md §3 rule 6: what a revised plan sent for approval changes, substantively, since the last
/// approved edition, and the agreement that covers each change. One without agreement blocks approval.
///
/// The revision is the plan at the ledger head plus an optional draft: changes proposed but not yet applied
/// (a CSV import, the Secretariat's "cleaned up" plan). Draft changes go through the same rules; one that
/// lacks the agreement it needs is shown, uncovered, instead of refused, so the report lists them all.
public struct RevisionReport: Codable, Sendable, Hashable {
    /// The edition compared with; nil when none is published yet (the plan is compared with nothing).
    public var edition: Int?
    /// The ledger position of that edition.
    public var from: Int64
    /// The ledger position of the revision, before the draft.
    public var head: Int64
    /// The number of draft changes checked.
    public var draftChanges: Int
    /// Every substantive difference, in reading order.
    public var differences: [Difference]
    /// How many editorial differences there are (translations, formatting, typo fixes).
    public var editorialDifferences: Int
    /// Draft changes refused for another reason than a missing agreement.
    public var refusals: [Refusal]

    /// Whether the revision may not be approved as it stands.
    public var isBlocked: Bool { differences.contains { $0.coveredBy == nil } || !refusals.isEmpty }

    /// One substantive difference.
    public struct Difference: Codable, Sendable, Hashable {
        public var item: ItemNumber
        /// "added", "status", "title.es", "leads", "timeline", "parent"…
        public var field: String
        public var before: String?
        public var after: String?
        /// The decision whose declared effect made it; nil when none did.
        public var coveredBy: DecisionID?
        /// Which of that decision's effects made it (an index into its `effects`).
        public var effect: Int?
        /// The ledger entry that made it, or nil for a draft change.
        public var entry: Int64?
        /// The index of the draft change that makes it, if it comes from the draft.
        public var draftIndex: Int?
        /// Why it is not covered.
        public var problem: String?
    }

    /// A draft change the rules refuse outright.
    public struct Refusal: Codable, Sendable, Hashable {
        public var draftIndex: Int
        public var field: String
        public var rule: String?
        public var reason: String
    }

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - base: the state at the last edition's position (an empty state when there is none).
    ///   - entries: the ledger entries after `base`, up to the head, in order.
    ///   - draft: the changes proposed on top of the head.
    ///   - lexicon: the dictionary typo fixes are checked against, as the store's rules check them.
    public init(
        edition: Int?, base: ProcessState, entries: [LedgerEntry], draft: [ProposedChange] = [],
        recordedAt: Timestamp, lexicon: any Lexicon = EmptyLexicon()
    ) {
        self.edition = edition
        from = base.sequence
        draftChanges = draft.count
        refusals = []
        var state = base
        var coverage: [Key: Cover] = [:]

        for entry in entries {
            let touched = Self.substantiveFields(of: entry.change, in: state, lexicon: lexicon)
            guard (try? state.apply(entry, enforcingAuthority: false, lexicon: lexicon)) != nil else { break }
            for (key, effect) in touched {
                coverage[key] = Cover(
                    decision: entry.authority.decision, effect: effect, entry: entry.sequence, draftIndex: nil)
            }
        }
        head = state.sequence

        for (index, proposed) in draft.enumerated() {
            let entry = LedgerEntry(
                sequence: state.sequence + 1, recordedAt: recordedAt, actor: proposed.actor,
                authority: proposed.authority, change: proposed.change)
            let touched = Self.substantiveFields(of: proposed.change, in: state, lexicon: lexicon)
            var problem: String?
            do {
                _ = try state.apply(entry, lexicon: lexicon)
            } catch {
                // A change that lacks the decision it needs is shown, uncovered; any other fault is refused.
                guard case .ruleViolation(_, let rule, let reason) = error,
                    rule == "approval-level" || rule == "declared-effect" || rule == "approval-needs-decision",
                    (try? state.apply(entry, enforcingAuthority: false, lexicon: lexicon)) != nil
                else {
                    let rule: String? = if case .ruleViolation(_, let rule, _) = error { rule } else { nil }
                    refusals.append(Refusal(draftIndex: index, field: error.field, rule: rule, reason: error.reason))
                    continue
                }
                problem = reason
            }
            for (key, effect) in touched {
                coverage[key] = Cover(
                    decision: problem == nil ? proposed.authority.decision : nil, effect: problem == nil ? effect : nil,
                    entry: nil, draftIndex: index, problem: problem)
            }
        }

        var differences: [Difference] = []
        var editorial = 0
        let numbers = Set(base.items.keys).union(state.items.keys)
        for number in numbers {
            let old = base.items[number]
            let new = state.items[number]
            // Most of a plan is untouched by a revision.
            if old == new { continue }
            for (field, weight, before, after) in Self.differences(old, new, lexicon: lexicon) {
                guard weight == .substantive else {
                    editorial += 1
                    continue
                }
                let cover = coverage[Key(item: number, field: Self.coverageField(field))]
                differences.append(
                    Difference(
                        item: number, field: field, before: before, after: after,
                        coveredBy: cover?.decision ?? (field == "added" ? new?.approvedBy : nil), effect: cover?.effect,
                        entry: cover?.entry, draftIndex: cover?.draftIndex,
                        problem: cover?.problem
                            ?? (cover == nil && field != "added"
                                ? "no entry since the edition accounts for this change" : nil)))
            }
        }
        // A draft change without the agreement it needs is listed even where the comparison with the edition
        // does not show it on its own (an item the edition did not have yet is one "added" difference).
        for (key, cover) in coverage where cover.problem != nil {
            let listed = differences.contains { $0.item == key.item && Self.coverageField($0.field) == key.field }
            guard !listed, let new = state.items[key.item] else { continue }
            let (_, after) = Self.describe(key.field, new, new)
            differences.append(
                Difference(
                    item: key.item, field: key.field, before: nil, after: after, coveredBy: nil, effect: nil,
                    entry: nil, draftIndex: cover.draftIndex, problem: cover.problem))
        }
        // Each item's reading key is computed once, not at every comparison of the sort.
        let keyed: [(key: ReadingKey, difference: Difference)] = differences.map { (ReadingKey($0.item), $0) }
        let sorted = keyed.sorted { lhs, rhs in
            guard lhs.difference.item != rhs.difference.item else { return lhs.difference.field < rhs.difference.field }
            return lhs.key < rhs.key
        }
        self.differences = sorted.map(\.difference)
        editorialDifferences = editorial
    }

    private struct Key: Hashable {
        var item: ItemNumber
        var field: String
    }

    private struct Cover {
        var decision: DecisionID?
        var effect: Int?
        var entry: Int64?
        var draftIndex: Int?
        var problem: String?
    }

    /// The coverage key of a difference's field: language variants share their field's agreement.
    private static func coverageField(_ field: String) -> String {
        String(field.split(separator: ".").first ?? Substring(field))
    }

    /// The item fields a change alters substantively, judged against the state before it, each with the
    /// index of the decision's effect that alters it when the change brings a decision into force.
    private static func substantiveFields(of change: Change, in state: ProcessState, lexicon: any Lexicon)
        -> [(Key, Int?)]
    {
        func effects(_ effects: [Change]) -> [(Key, Int?)] {
            effects.enumerated().flatMap { index, effect in
                substantiveFields(of: effect, in: state, lexicon: lexicon).map { ($0.0, index) }
            }
        }
        switch change {
        case .addItem(let item):
            return [(Key(item: item.number, field: "added"), nil), (Key(item: item.number, field: "status"), nil)]
        case .amendItem(let amendment):
            guard let item = state.items[amendment.number] else { return [] }
            return Set(Substance.classify(amendment, of: item, lexicon: lexicon).map { coverageField($0.field) })
                .map { (Key(item: amendment.number, field: $0), nil) }
        case .changeStatus(let number, _): return [(Key(item: number, field: "status"), nil)]
        case .adoptDraft(let id): return effects(state.drafts[id]?.effects ?? [])
        case .confirmDecision(let id): return effects(state.decisions[id]?.effects ?? [])
        case .settleChallenge(let id, _):
            guard let challenge = state.challenges[id], let item = state.items[challenge.item] else { return [] }
            return Set(Substance.classify(challenge.after, of: item, lexicon: lexicon).map { coverageField($0.field) })
                .map { (Key(item: challenge.item, field: $0), nil) }
        default: return []
        }
    }

    /// The fields that differ between two versions of an item that matter to the current plan, with their
    /// weight. An item outside the current version on both sides differs in nothing that matters here.
    private static func differences(_ old: PlanItem?, _ new: PlanItem?, lexicon: any Lexicon) -> [(
        String, Weight, String?, String?
    )] {
        let wasCurrent = old?.status.isCurrent ?? false
        let isCurrent = new?.status.isCurrent ?? false
        guard wasCurrent || isCurrent else { return [] }
        guard let old, wasCurrent else {
            return [
                ("added", .substantive, old?.status.rawValue, new.map { "\($0.status.rawValue): \($0.title.original)" })
            ]
        }
        guard let new else { return [("status", .substantive, old.status.rawValue, nil)] }
        var result: [(String, Weight, String?, String?)] = []
        if old.status != new.status, !isCurrent || !wasCurrent {
            result.append(("status", .substantive, old.status.rawValue, new.status.rawValue))
        }
        let amendment = ItemAmendment(
            number: new.number, title: new.title, text: new.text, leads: new.leads, timeline: new.timeline,
            parent: new.parent)
        for change in Substance.classify(amendment, of: old, lexicon: lexicon) {
            let (before, after) = describe(change.field, old, new)
            result.append((change.field, change.weight, before, after))
        }
        if old.text != nil, new.text == nil {
            result.append(("text", .substantive, old.text?.original, nil))
        }
        return result
    }

    private static func describe(_ field: String, _ old: PlanItem, _ new: PlanItem) -> (String?, String?) {
        let parts = field.split(separator: ".")
        let language = parts.count > 1 ? Language(rawValue: String(parts[1])) : nil
        switch parts.first {
        case "title": return (language.flatMap { old.title[$0] }, language.flatMap { new.title[$0] })
        case "text": return (language.flatMap { old.text?[$0] }, language.flatMap { new.text?[$0] })
        case "leads":
            return (
                old.leads.map(\.description).joined(separator: ", "),
                new.leads.map(\.description).joined(separator: ", ")
            )
        case "timeline":
            return (old.timeline.map(describe), new.timeline.map(describe))
        case "parent": return (old.parent?.rawValue, new.parent?.rawValue)
        default: return (nil, nil)
        }
    }

    private static func describe(_ timeline: Timeline) -> String {
        [timeline.text?.original, timeline.target?.description].compactMap { $0 }.joined(separator: ", ")
    }
}
