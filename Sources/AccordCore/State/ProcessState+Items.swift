extension ProcessState {
    /// Adds a plan item after checking its number, place, leads and status.
    mutating func addItem(_ item: PlanItem, authority: Authority) throws(ChangeError) -> ItemNumber {
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
        item.approvedBy = try approval(for: item.status, authority: authority, field: "item.status")
        try checkItem(item, field: "item")
        items[item.number] = item
        return item.number
    }

    /// Changes some fields of an item that is not archived.
    mutating func amendItem(_ amendment: ItemAmendment) throws(ChangeError) {
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
        if let title = amendment.title { item.title = title }
        if let text = amendment.text { item.text = text }
        if let leads = amendment.leads { item.leads = leads }
        if let timeline = amendment.timeline { item.timeline = timeline }
        if let parent = amendment.parent { item.parent = parent }
        try checkItem(item, field: "amendment")
        items[item.number] = item
    }

    /// Moves an item to another status, if the move is one its life allows.
    mutating func changeStatus(of number: ItemNumber, to status: Status, authority: Authority) throws(ChangeError) {
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
            item.approvedBy = try approval(for: status, authority: authority, field: "status")
        }
        item.status = status
        items[number] = item
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

    /// A non-blank text no longer than `limit` characters.
    static func text(_ text: String, field: String, limit: Int) throws(ChangeError) {
        guard !text.allSatisfy(\.isWhitespace) else {
            throw .invalid(field: field, reason: "must not be empty")
        }
        guard text.count <= limit else {
            throw .invalid(field: field, reason: "is \(text.count) characters long; the limit is \(limit)")
        }
    }

    /// A multilingual text whose authoritative version exists, every version within `limit`.
    static func localized(_ text: LocalizedText, field: String, limit: Int) throws(ChangeError) {
        guard text.values[text.authoritative] != nil else {
            throw .invalid(
                field: "\(field).\(text.authoritative.rawValue)",
                reason: "the authoritative (\(text.authoritative.rawValue)) text is missing")
        }
        for language in Language.allCases {
            if let value = text.values[language] {
                try Check.text(value, field: "\(field).\(language.rawValue)", limit: limit)
            }
        }
    }
}
