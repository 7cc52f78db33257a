import AccordCore
import Foundation

// Ledger entries and plan items read straight from a parsed document, without `Decoder`.
//
// `verify` decodes every entry of the ledger, and going through `Decoder` (a boxed container per object, a
// generic call per member) was most of its time. These initializers read the shapes the store writes, and
// give up (nil) on anything else: a missing or mistyped member, a value out of its set. The caller then
// decodes the same document through `Decoder`, which decides exactly as before, errors included. So they
// may only ever accept what `init(from:)` accepts, and must build the same value: the document decoder's
// tests hold them to JSONDecoder and to the Decoder path on altered entries, accepted and refused, and on
// the store's own changes; the demo tests on every demo entry.

extension JSONDocument {
    /// The text of the string at `index`, or nil when it is not a string.
    func text(_ index: Int) -> String? {
        let kind = nodes[index].kind
        guard kind == .string || kind == .escapedString else { return nil }
        return try? string(index)
    }

    /// The text of the member `key`: nil when it is missing or not a string.
    func text(_ object: Int, _ key: String) -> String? {
        member(object, key).flatMap(text)
    }

    /// An optional member as `decodeIfPresent` reads it: absent or null is `.some(nil)`; a value that
    /// `read` cannot take is nil, to give up.
    func optional<T>(_ object: Int, _ key: String, _ read: (Int) -> T?) -> T?? {
        guard let index = member(object, key), nodes[index].kind != .null else { return .some(nil) }
        guard let value = read(index) else { return nil }
        return .some(value)
    }
}

extension LedgerEntry {
    init?(_ document: JSONDocument, at index: Int) {
        guard let sequenceIndex = document.member(index, "sequence"), let sequence = document.integer(sequenceIndex),
            let recordedAt = document.text(index, "recordedAt").flatMap({ Timestamp($0) }),
            let actor = document.member(index, "actor").flatMap({ Actor(document, at: $0) }),
            let authority = document.member(index, "authority").flatMap({ Authority(document, at: $0) }),
            let change = document.member(index, "change").flatMap({ Change(document, at: $0) })
        else { return nil }
        self.init(sequence: sequence, recordedAt: recordedAt, actor: actor, authority: authority, change: change)
    }
}

extension Actor {
    init?(_ document: JSONDocument, at index: Int) {
        guard let name = document.text(index, "name"),
            let role = document.text(index, "role").flatMap({ Role(rawValue: $0) }),
            let participant = document.optional(index, "participant", document.text)
        else { return nil }
        self.init(name: name, role: role, participant: participant.map({ ParticipantID($0) }))
    }
}

extension Authority {
    /// Exactly one of a decision, an editorial reason or a participant, as `init(from:)` reads it; two are
    /// ambiguous and left to `init(from:)` to refuse.
    init?(_ document: JSONDocument, at index: Int) {
        guard document.node(index).kind == .object,
            let decision = document.optional(index, "decision", document.text),
            let editorial = document.optional(index, "editorial", document.text),
            let participant = document.optional(index, "participant", document.text),
            [decision, editorial, participant].compactMap({ $0 }).count == 1
        else { return nil }
        if let decision {
            self = .decision(DecisionID(decision))
        } else if let editorial {
            self = .editorial(reason: editorial)
        } else if let participant {
            self = .participant(ParticipantID(participant))
        } else {
            return nil
        }
    }
}

extension Change {
    /// The changes of items by hand; the other kinds, far fewer in any ledger, through `init(from:)`.
    init?(_ document: JSONDocument, at index: Int) {
        guard let kind = document.text(index, "kind") else { return nil }
        switch kind {
        case "add-item":
            guard let item = document.member(index, "item").flatMap({ PlanItem(document, at: $0) }) else { return nil }
            self = .addItem(item)
        case "amend-item":
            guard let amendment = document.member(index, "amendment").flatMap({ ItemAmendment(document, at: $0) })
            else { return nil }
            self = .amendItem(amendment)
        case "change-status":
            guard let number = document.text(index, "number"),
                let status = document.text(index, "status").flatMap({ Status(rawValue: $0) })
            else { return nil }
            self = .changeStatus(item: ItemNumber(number), to: status)
        default:
            guard let change = try? Change(from: ValueDecoder(document: document, index: index, codingPath: [])) else {
                return nil
            }
            self = change
        }
    }
}

extension PlanItem {
    init?(_ document: JSONDocument, at index: Int) {
        guard let number = document.text(index, "number"),
            let kind = document.text(index, "kind").flatMap({ ItemKind(rawValue: $0) }),
            let parent = document.optional(index, "parent", document.text),
            let workplan = document.optional(index, "workplan", document.text),
            let title = document.member(index, "title").flatMap({ LocalizedText(document, at: $0) }),
            let text = document.optional(index, "text", { LocalizedText(document, at: $0) }),
            let leads = document.member(index, "leads").flatMap({ [Lead](document, at: $0) }),
            let timeline = document.optional(index, "timeline", { Timeline(document, at: $0) }),
            let status = document.text(index, "status").flatMap({ Status(rawValue: $0) }),
            let approvedBy = document.optional(index, "approvedBy", document.text),
            let note = document.optional(index, "note", { LocalizedText(document, at: $0) })
        else { return nil }
        self.init(
            number: ItemNumber(number), kind: kind, parent: parent.map({ ItemNumber($0) }),
            workplan: workplan.map({ WorkplanID($0) }), title: title, text: text, leads: leads, timeline: timeline,
            status: status, approvedBy: approvedBy.map({ DecisionID($0) }), note: note)
    }
}

extension ItemAmendment {
    init?(_ document: JSONDocument, at index: Int) {
        guard let number = document.text(index, "number"),
            let title = document.optional(index, "title", { LocalizedText(document, at: $0) }),
            let text = document.optional(index, "text", { LocalizedText(document, at: $0) }),
            let leads = document.optional(index, "leads", { [Lead](document, at: $0) }),
            let timeline = document.optional(index, "timeline", { Timeline(document, at: $0) }),
            let parent = document.optional(index, "parent", document.text),
            let note = document.optional(index, "note", { LocalizedText(document, at: $0) })
        else { return nil }
        self.init(
            number: ItemNumber(number), title: title, text: text, leads: leads, timeline: timeline,
            parent: parent.map({ ItemNumber($0) }), note: note)
    }
}

extension LocalizedText {
    init?(_ document: JSONDocument, at index: Int) {
        guard let authoritative = document.text(index, "authoritative").flatMap({ Language(rawValue: $0) }),
            let spanish = document.optional(index, "es", document.text),
            let english = document.optional(index, "en", document.text),
            let french = document.optional(index, "fr", document.text)
        else { return nil }
        self.init(authoritative: authoritative, es: spanish, en: english, fr: french)
    }
}

extension Timeline {
    init?(_ document: JSONDocument, at index: Int) {
        guard document.node(index).kind == .object,
            let text = document.optional(index, "text", { LocalizedText(document, at: $0) }),
            let target = document.optional(index, "target", { document.text($0).flatMap(PartialDate.init) })
        else { return nil }
        self.init(text: text, target: target)
    }
}

extension [Lead] {
    init?(_ document: JSONDocument, at index: Int) {
        let node = document.node(index)
        guard node.kind == .array else { return nil }
        var leads: [Lead] = []
        leads.reserveCapacity(Int(node.start))
        var child = index + 1
        for _ in 0..<node.start {
            guard let code = document.text(child) else { return nil }
            leads.append(Lead(code: code))
            child = Int(document.node(child).next)
        }
        self = leads
    }
}
