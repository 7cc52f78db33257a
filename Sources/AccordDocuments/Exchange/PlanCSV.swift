import AccordCore

/// The plan and its workplans as CSV (UTF-8, one column per language): the format export writes and
/// import reads, so a file exported, edited in a spreadsheet and imported again changes just what was edited.
///
/// Every item is exported, whatever its status, so the file describes the whole plan and a round trip is
/// lossless. Workplans are rows of their own (`record` = `workplan`) before the items that belong to them.
public enum PlanCSV {
    /// The columns, in order; import requires exactly these.
    public static let columns = [
        "record", "number", "kind", "parent", "workplan", "body", "status", "leads", "authoritative",
        "title_es", "title_en", "title_fr", "text_es", "text_en", "text_fr",
        "timeline_es", "timeline_en", "timeline_fr", "target", "approved_by",
    ]

    /// The CSV of every workplan and every item of `state`, in reading order.
    public static func export(_ state: ProcessState) -> String {
        var out = CSVFormat.line(columns)
        out.reserveCapacity(state.items.count * 300)
        for workplan in state.workplans.values.sorted(by: { $0.id < $1.id }) {
            out += CSVFormat.line(row(for: workplan))
        }
        let items = state.items.values.sorted(by: Plan.inReadingOrder)
        for item in items { out += CSVFormat.line(row(for: item)) }
        return out
    }

    static func row(for workplan: Workplan) -> [String] {
        var fields = [String](repeating: "", count: columns.count)
        fields[0] = "workplan"
        fields[1] = workplan.id.rawValue
        fields[5] = workplan.body.rawValue
        fields[6] = workplan.status.rawValue
        fields[8] = workplan.title.authoritative.rawValue
        put(workplan.title, at: 9, in: &fields)
        fields[19] = workplan.approvedBy?.rawValue ?? ""
        return fields
    }

    static func row(for item: PlanItem) -> [String] {
        var fields = [String](repeating: "", count: columns.count)
        fields[0] = "item"
        fields[1] = item.number.rawValue
        fields[2] = item.kind.rawValue
        fields[3] = item.parent?.rawValue ?? ""
        fields[4] = item.workplan?.rawValue ?? ""
        fields[6] = item.status.rawValue
        fields[7] = item.leads.map(\.description).joined(separator: ";")
        fields[8] = item.title.authoritative.rawValue
        put(item.title, at: 9, in: &fields)
        if let text = item.text { put(text, at: 12, in: &fields) }
        if let wording = item.timeline?.text { put(wording, at: 15, in: &fields) }
        fields[18] = item.timeline?.target?.description ?? ""
        fields[19] = item.approvedBy?.rawValue ?? ""
        return fields
    }

    /// Writes the es, en and fr values of `text` into three columns from `start`.
    private static func put(_ text: LocalizedText, at start: Int, in fields: inout [String]) {
        for (offset, language) in [Language.es, .en, .fr].enumerated() {
            fields[start + offset] = text[language] ?? ""
        }
    }
}
