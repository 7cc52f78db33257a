extension ProcessState {
    /// Adds a plan item after checking its number, place, leads and status.
    ///
    /// An editorial entry records a proposal; anything else is a decision's declared effect, which fixes
    /// the item's approval level. An approved workplan gains items only as a decision at its level (or of
    /// its network, once its updates are delegated) declares them.
    mutating func addItem(_ item: PlanItem, context: Context) throws(ChangeError) -> ItemNumber {
        guard item.number.isWellFormed else {
            throw .invalid(
                field: "item.number", reason: "'\(item.number)' is not an item number like MPM, MPM-1 or MPM-1.3")
        }
        guard items[item.number] == nil else {
            throw .duplicate(
                field: "item.number",
                reason: "number \(item.number) is already taken (numbers are never reused, even in the archive)")
        }
        var item = item
        item.approvedBy = try approval(for: item.status, context: context, field: "item.status")
        if item.approvedBy != nil, let workplan = item.workplan.flatMap({ workplans[$0] }) {
            try requireAgreement(on: workplan, to: "add \(item.number) to it", field: "item.workplan", context: context)
        }
        try checkItem(item, field: "item")
        items[item.number] = item
        return item.number
    }

    /// Changes some fields of an item that is not archived; a substantive change to an approved item needs
    /// a decision at its approval level declaring it, and an editorial one stays open to challenge.
    mutating func amendItem(_ amendment: ItemAmendment, context: Context) throws(ChangeError) -> [EntityRef] {
        guard var item = items[amendment.number] else {
            throw .unknownReference(
                field: "amendment.number", reason: "no plan item has the number '\(amendment.number)'")
        }
        guard !item.status.isArchived else {
            throw .ruleViolation(
                field: "amendment.number", rule: "archived-item",
                reason:
                    "item \(item.number) is \(item.status.rawValue) and kept in the archive as it was; it cannot be changed"
            )
        }
        guard !amendment.isEmpty else {
            throw .invalid(field: "amendment", reason: "an amendment changes at least one field")
        }
        if let held = heldChallenge(on: item.number) {
            throw .ruleViolation(
                field: "amendment.number", rule: "held-change",
                reason:
                    "entry \(held.sequence) on \(item.number) is challenged by \(held.challenger) and held until a "
                    + "decision settles \(held.id); settle it before changing the item again")
        }
        var editorial: EditorialChange?
        // Which fields a change makes substantive is worked out word by word: only to refuse a change or to
        // record an editorial one, never for a decision that may change the item in any way.
        if item.status.isCurrent, !isCovered(item, byDecisionIn: context) {
            let fields = Substance.classify(amendment, of: item, lexicon: context.lexicon)
            if fields.contains(where: { $0.weight == .substantive }) {
                // The names of the fields are put together only for a refusal.
                let substantive = { fields.filter { $0.weight == .substantive }.map(\.field) }
                try requireAgreement(
                    on: item, to: "change \(substantive().joined(separator: ", "))",
                    field: "amendment.\(substantive()[0])", context: context)
            } else if !fields.isEmpty, context.decision == nil {
                editorial = EditorialChange(
                    sequence: context.sequence, item: item.number, before: amendment.previous(in: item),
                    after: amendment)
            }
        }
        item.apply(amendment)
        try checkItem(item, field: "amendment")
        // Written only now that every rule has passed: `apply(_:)` applies an amendment in place.
        items[item.number] = item
        guard let editorial else { return [.item(item.number)] }
        editorials[context.sequence] = editorial
        return [.item(item.number), .editorial(context.sequence)]
    }

    /// Moves an item to another status, if the move is one its life allows.
    ///
    /// Reporting progress among the current statuses (approved, ongoing, pending completion) is the
    /// Secretariat's: it reports what is being done and redefines nothing. Approving an item, and completing,
    /// withdrawing or superseding an approved one, change the commitment: only a decision's declared effect
    /// does that, at the item's approval level.
    mutating func changeStatus(of number: ItemNumber, to status: Status, context: Context) throws(ChangeError) {
        guard var item = items[number] else {
            throw .unknownReference(field: "number", reason: "no plan item has the number '\(number)'")
        }
        guard item.status.canMove(to: status) else {
            let allowed = item.status.allowedNext.map(\.rawValue)
            throw .ruleViolation(
                field: "status", rule: "status-transition",
                reason: "item \(number) is \(item.status.rawValue) and cannot become \(status.rawValue); "
                    + (allowed.isEmpty ? "it is archived" : "it can become \(allowed.joined(separator: ", "))"))
        }
        if item.status == .proposed {
            item.approvedBy = try approval(for: status, context: context, field: "status")
            if item.approvedBy != nil, let workplan = item.workplan.flatMap({ workplans[$0] }) {
                try requireAgreement(on: workplan, to: "approve \(number) in it", field: "status", context: context)
            }
        } else if status.isArchived {
            try requireAgreement(on: item, to: "make it \(status.rawValue)", field: "status", context: context)
        }
        item.status = status
        items[number] = item
    }

    /// DESIGN.md §3 rule 2: a substantive change to an approved item needs a decision adopted by consensus of
    /// a body at the item's approval level or higher, declaring the change as its effect. An item of a
    /// workplan whose updates are delegated to its network may also be changed by that network's decisions.
    /// The refusal names the item, the decision that approved it and its level, and what would be needed.
    func requireAgreement(
        on item: PlanItem, to action: @autoclosure () -> String, field: @autoclosure () -> String, context: Context
    ) throws(ChangeError) {
        guard context.enforcesAuthority, let approvedBy = item.approvedBy else { return }
        var level = approvalLevel(of: item) ?? .network
        let workplan = item.workplan.flatMap { workplans[$0] }
        if let workplan, let workplanLevel = approvalLevel(of: workplan) { level = max(level, workplanLevel) }
        if let body = context.body, context.decision != nil {
            if body.level >= level { return }
            if let workplan, workplan.updatesDelegatedBy != nil, workplan.body == body.id { return }
        }
        // The sentences are built only for a refusal: most changes pass, and the revision report checks
        // thousands of them.
        let reason: String =
            if let decision = context.decision, let body = context.body {
                "\(decision) is of the \(body.id) (\(body.level.rawValue) level), which cannot redefine it"
            } else {
                "this is substantive, not editorial"
            }
        throw .ruleViolation(
            field: field(), rule: "approval-level",
            reason: "\(item.number) was approved by \(approvedBy) at the \(level.rawValue) level; \(reason): to "
                + "\(action()) needs a decision adopted by consensus of \(bodies(atOrAbove: level)) "
                + "(\(level.rawValue) level or higher) that declares the change as its effect")
    }

    /// Whether the change is a decision's effect that the item's approval level accepts for any change to it.
    private func isCovered(_ item: PlanItem, byDecisionIn context: Context) -> Bool {
        guard context.decision != nil else { return false }
        return (try? requireAgreement(on: item, to: "", field: "", context: context)) != nil
    }

    /// The challenge holding a change to `item`, if one is held.
    func heldChallenge(on item: ItemNumber) -> Challenge? {
        challenges.values.first { $0.item == item && $0.status == .held }
    }

    private func checkItem(_ item: PlanItem, field: String) throws(ChangeError) {
        try Check.localized(item.title, field: "\(field).title", limit: TextLimit.title)
        if let text = item.text { try Check.localized(text, field: "\(field).text", limit: TextLimit.text) }
        if let workplan = item.workplan, workplans[workplan] == nil {
            throw .unknownReference(field: "\(field).workplan", reason: "no workplan has the code '\(workplan)'")
        }
        try checkPlace(of: item, field: field)
        for (index, lead) in item.leads.enumerated() {
            if case .participant(let id) = lead, participants[id] == nil {
                throw .unknownReference(
                    field: "\(field).leads[\(index)]",
                    reason: "no participant has the code '\(id)'; a lead is a participant's code or TS")
            }
        }
        if let text = item.timeline?.text {
            try Check.localized(text, field: "\(field).timeline.text", limit: TextLimit.title)
        }
    }

    /// An item sits under an item of the level above, in the same plan or workplan, and never under itself.
    private func checkPlace(of item: PlanItem, field: String) throws(ChangeError) {
        guard let parentNumber = item.parent else {
            if item.kind == .activity || (item.kind == .area && item.workplan == nil) {
                throw .invalid(
                    field: "\(field).parent",
                    reason: "an \(item.kind.rawValue) of the Plan of Action sits under a line of action")
            }
            return
        }
        guard let parent = items[parentNumber] else {
            throw .unknownReference(field: "\(field).parent", reason: "no plan item has the number '\(parentNumber)'")
        }
        guard item.kind.allowedParents.contains(parent.kind) else {
            throw .invalid(
                field: "\(field).parent",
                reason: "an \(item.kind.rawValue) cannot sit under \(parent.kind.rawValue) \(parentNumber)")
        }
        guard parent.workplan == item.workplan else {
            throw .invalid(
                field: "\(field).parent", reason: "\(parentNumber) belongs to another plan than \(item.number)")
        }
        // Only a new place is refused: an item already under a since-archived parent stays amendable there.
        guard !parent.status.isArchived || items[item.number]?.parent == parentNumber else {
            throw .ruleViolation(
                field: "\(field).parent", rule: "archived-item",
                reason: "\(parentNumber) is \(parent.status.rawValue); nothing new goes under an archived item")
        }
        var ancestor: ItemNumber? = parentNumber
        while let current = ancestor {
            guard current != item.number else {
                throw .invalid(field: "\(field).parent", reason: "\(item.number) cannot sit under itself")
            }
            ancestor = items[current]?.parent
        }
    }
}

/// Checks shared by every kind of change.
enum Check {
    /// A code: 2–32 characters of capitals, digits, dashes and slashes, starting with a letter or digit.
    static func code(_ code: String, field: String) throws(ChangeError) {
        let allowed = code.utf8.allSatisfy { (65...90).contains($0) || (48...57).contains($0) || $0 == 45 || $0 == 47 }
        guard (2...32).contains(code.count), allowed, code.first != "-", code.first != "/" else {
            throw .invalid(
                field: field,
                reason: "'\(code)' is not a code: use 2–32 capitals, digits, dashes or slashes (e.g. RCM-V)")
        }
    }

    /// A code that names a record in one path segment of the API, so without a slash.
    static func pathSafe(_ code: String, field: String, example: String) throws(ChangeError) {
        guard !code.contains("/") else {
            throw .invalid(field: field, reason: "'\(code)' has a slash; use dashes, e.g. \(example)")
        }
    }

    /// A non-blank text no longer than `limit` characters, without characters that have no place in text.
    ///
    /// Every title and text of every entry passes here, on append and again on verify: the common cases are
    /// decided from the UTF-8 bytes (a character is at least one byte, and a printable ASCII first byte is
    /// not blank), and the field's name is only built for a refusal.
    static func text(_ text: String, field: @autoclosure () -> String, limit: Int) throws(ChangeError) {
        let first = text.utf8.first ?? 0
        guard (0x21...0x7E).contains(first) || !text.allSatisfy(\.isWhitespace) else {
            throw .invalid(field: field(), reason: "must not be empty")
        }
        guard text.utf8.count <= limit || text.count <= limit else {
            throw .invalid(field: field(), reason: "is \(text.count) characters long; the limit is \(limit)")
        }
        if let scalar = forbiddenScalar(in: text) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            throw .invalid(
                field: field(),
                reason: "contains U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), a control "
                    + "character or noncharacter, which no text may hold (they make the documents Accord writes "
                    + "malformed)")
        }
    }

    /// The first character `text` may not hold, if any: C0 controls other than tab, line feed and carriage
    /// return (which XML allows, and which browsers send for a line break), DEL, C1 controls, and the
    /// noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among them).
    static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        var text = text
        let suspect = text.withUTF8 { bytes in
            // Every forbidden character begins with a control byte, DEL, 0xC2 (C1), 0xEF (U+FDD0–U+FFFF) or a
            // four-byte lead: plain text has none of the first three, and is decided here without decoding.
            bytes.contains { byte in
                (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
                    || byte == 0xEF || byte >= 0xF0
            }
        }
        guard suspect else { return nil }
        return text.unicodeScalars.first { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
                || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
        }
    }

    /// A multilingual text whose authoritative version exists, every version within `limit`.
    static func localized(_ text: LocalizedText, field: @autoclosure () -> String, limit: Int) throws(ChangeError) {
        guard text[text.authoritative] != nil else {
            throw .invalid(
                field: "\(field()).\(text.authoritative.rawValue)",
                reason: "the authoritative (\(text.authoritative.rawValue)) text is missing")
        }
        for language in Language.allCases {
            if let value = text[language] {
                try Check.text(value, field: "\(field()).\(language.rawValue)", limit: limit)
            }
        }
    }
}
