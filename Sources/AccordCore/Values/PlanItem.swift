/// One entry of the plan tree: a line of action, an area under it, or an activity.
///
/// Items of a network workplan are plan items too, with `workplan` set: their areas are the workplan's
/// "area of activity" column and their activities its "specific action" rows.
public struct PlanItem: Codable, Sendable, Hashable, Identifiable {
    /// Its stable human number ("MPM-1.3"); never reused, kept in the archive.
    public var number: ItemNumber
    /// Line of action, area or activity.
    public var kind: ItemKind
    /// The item it sits under; nil for a line of action and for a workplan's areas.
    public var parent: ItemNumber?
    /// The network workplan it belongs to; nil for the Plan of Action itself.
    public var workplan: WorkplanID?
    /// Its title in each language.
    public var title: LocalizedText
    /// Its fuller description, where it has one.
    public var text: LocalizedText?
    /// Who leads it.
    public var leads: [Lead]
    /// When it is due.
    public var timeline: Timeline?
    /// Where it is in its life.
    public var status: Status
    /// The decision that approved it; fixes its approval level. Nil while it is only proposed.
    public var approvedBy: DecisionID?
    /// The Secretariat's note on the record of the item (where a placement or a gap in the sources comes
    /// from): never part of the agreed text, so changing it is always editorial.
    public var note: LocalizedText?

    public var id: ItemNumber { number }

    public init(
        number: ItemNumber, kind: ItemKind, parent: ItemNumber? = nil, workplan: WorkplanID? = nil,
        title: LocalizedText, text: LocalizedText? = nil, leads: [Lead] = [], timeline: Timeline? = nil,
        status: Status, approvedBy: DecisionID? = nil, note: LocalizedText? = nil
    ) {
        self.number = number
        self.kind = kind
        self.parent = parent
        self.workplan = workplan
        self.title = title
        self.text = text
        self.leads = leads
        self.timeline = timeline
        self.status = status
        self.approvedBy = approvedBy
        self.note = note
    }
}

extension PlanItem {
    /// Sets the fields `amendment` changes.
    mutating func apply(_ amendment: ItemAmendment) {
        if let title = amendment.title { self.title = title }
        if let text = amendment.text { self.text = text }
        if let leads = amendment.leads { self.leads = leads }
        if let timeline = amendment.timeline { self.timeline = timeline }
        if let parent = amendment.parent { self.parent = parent }
        if let note = amendment.note { self.note = note }
    }
}

extension ItemAmendment {
    /// The same fields as `item` has them now: what undoes this amendment.
    func previous(in item: PlanItem) -> ItemAmendment {
        ItemAmendment(
            number: number, title: title == nil ? nil : item.title, text: text == nil ? nil : item.text,
            leads: leads == nil ? nil : item.leads, timeline: timeline == nil ? nil : item.timeline,
            parent: parent == nil ? nil : item.parent, note: note == nil ? nil : item.note)
    }

    /// Whether `item` holds exactly what this amendment sets.
    func isHeld(by item: PlanItem) -> Bool {
        (title == nil || title == item.title) && (text == nil || text == item.text)
            && (leads == nil || leads == item.leads) && (timeline == nil || timeline == item.timeline)
            && (parent == nil || parent == item.parent) && (note == nil || note == item.note)
    }
}

/// The level of an item in the plan tree.
public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case lineOfAction = "line-of-action"
    case area
    case activity

    /// The kinds an item of this kind may sit under.
    var allowedParents: [ItemKind] {
        switch self {
        case .lineOfAction: []
        case .area: [.lineOfAction]
        case .activity: [.lineOfAction, .area]
        }
    }
}

extension Identifier where Entity == PlanItem {
    /// Whether the number has the shape Accord keeps: a prefix of 2–8 capitals, then optional
    /// dash-separated dotted numbers ("MPM", "MPM-1", "MPM-1.3", "CP-2.1").
    public var isWellFormed: Bool {
        let parts = rawValue.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let prefix = parts.first, (2...8).contains(prefix.count),
            prefix.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
            prefix.first?.isUppercase == true
        else { return false }
        guard parts.count == 2 else { return true }
        let numbers = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        // No leading zeros: "MPM-01" and "MPM-1" would be two numbers for one place in the reading order.
        return numbers.allSatisfy {
            !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) && ($0 == "0" || $0.first != "0")
        }
    }

    /// The numeric path after the prefix, used to sort items in human order (MPM-2 before MPM-10).
    public var sortKey: [Int] {
        guard let dash = rawValue.firstIndex(of: "-") else { return [] }
        return rawValue[rawValue.index(after: dash)...].split(separator: ".").map { Int($0) ?? 0 }
    }
}
