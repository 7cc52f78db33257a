import AccordCore

/// Reads the rows of a plan CSV one by one, collecting the changes they mean and every problem, then tries
/// the changes in order against a copy of the state.
struct ImportReader {
    let state: ProcessState
    let actor: Actor
    let authority: Authority
    private var problems: [ImportProblem] = []
    /// The row each number was first seen on: a number may appear once.
    private var seen: [String: Int] = [:]
    private var additions: [Planned] = []
    private var amendments: [Planned] = []
    private var statusChanges: [Planned] = []

    /// A change with the row it comes from and what it does in words.
    private struct Planned {
        var row: Int
        var change: Change
        var diff: [PlanImport.DiffLine]
        /// The order additions are made in: workplans, then lines of action, areas and activities.
        var rank = 0
        var number = ""
    }

    init(state: ProcessState, actor: Actor, authority: Authority) {
        self.state = state
        self.actor = actor
        self.authority = authority
    }

    mutating func read(_ record: CSVFormat.Record) {
        var row = RowReader(record: record, state: state)
        guard record.fields.count == PlanCSV.columns.count else {
            problems.append(
                ImportProblem(
                    row: record.line, column: "",
                    reason: "the row has \(record.fields.count) fields; the header has \(PlanCSV.columns.count)"))
            return
        }
        let number = row["number"]
        if number.isEmpty {
            row.problem("number", "every row needs a number")
        } else if let first = seen[number] {
            row.problem(
                "number", "\(number) appears twice in the file (first in row \(first)); numbers are never reused")
        } else {
            seen[number] = record.line
        }
        switch row["record"] {
        case "workplan": readWorkplan(&row, number: number)
        case "item": readItem(&row, number: number)
        default: row.problem("record", "'\(row["record"])' is neither item nor workplan")
        }
        problems += row.problems
    }

    private mutating func readWorkplan(_ row: inout RowReader, number: String) {
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") })
        else {
            if !number.isEmpty { row.problem("number", "'\(number)' is not a workplan code such as LON-CP") }
            return
        }
        guard let status = row.status(), let title = row.title() else { return }
        let body = BodyID(row["body"])
        let id = WorkplanID(number)
        guard row.problems.isEmpty else { return }
        if let existing = state.workplans[id] {
            var changed = existing
            changed.title = title
            changed.status = status
            changed.body = body
            guard changed != existing else { return }
            var diff: [PlanImport.DiffLine] = []
            if existing.title != title { diff += row.diff(number, "title", existing.title, title) }
            if existing.status != status {
                diff.append(row.line(number, "status", existing.status.rawValue, status.rawValue))
            }
            if existing.body != body { diff.append(row.line(number, "body", existing.body.rawValue, body.rawValue)) }
            amendments.append(Planned(row: row.line, change: .amendWorkplan(changed), diff: diff))
        } else {
            let workplan = Workplan(id: id, body: body, title: title, status: status)
            additions.append(
                Planned(
                    row: row.line, change: .addWorkplan(workplan),
                    diff: [row.line(number, "new workplan", "", title.original)], rank: 0, number: number))
        }
    }

    private mutating func readItem(_ row: inout RowReader, number: String) {
        let item = ItemNumber(number)
        if !number.isEmpty, !item.isWellFormed {
            row.problem("number", "'\(number)' is not an item number such as MPM-1.3")
        }
        let kind = ItemKind(rawValue: row["kind"])
        if kind == nil {
            row.problem(
                "kind", "'\(row["kind"])' is not one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let status = row.status()
        let title = row.title()
        let text = row.optionalText("text")
        let timeline = row.timeline()
        let leads = row.leads()
        let parent = row["parent"].isEmpty ? nil : ItemNumber(row["parent"])
        let workplan = row["workplan"].isEmpty ? nil : WorkplanID(row["workplan"])
        guard row.problems.isEmpty, let kind, let status, let title, let leads else { return }

        guard let existing = state.items[item] else {
            if !row["approved_by"].isEmpty, DecisionID(row["approved_by"]) != authority.decision {
                row.problem(
                    "approved_by", "a new item is approved by the decision the import rests on; leave it empty")
                return
            }
            let new = PlanItem(
                number: item, kind: kind, parent: parent, workplan: workplan, title: title, text: text, leads: leads,
                timeline: timeline, status: status)
            let rank = 1 + (ItemKind.allCases.firstIndex(of: kind) ?? 0)
            additions.append(
                Planned(
                    row: row.line, change: .addItem(new),
                    diff: [row.line(number, "new \(kind.rawValue) (\(status.rawValue))", "", title.original)],
                    rank: rank,
                    number: number))
            return
        }
        if existing.kind != kind {
            row.problem("kind", "\(number) is a \(existing.kind.rawValue); an item's kind cannot change")
        }
        if existing.workplan != workplan {
            row.problem(
                "workplan",
                "\(number) belongs to \(existing.workplan?.rawValue ?? "the Plan of Action"); it cannot move to another workplan"
            )
        }
        if row["approved_by"] != (existing.approvedBy?.rawValue ?? "") {
            row.problem(
                "approved_by",
                "records the decision that approved \(number) (\(existing.approvedBy?.rawValue ?? "none")); leave it as exported"
            )
        }
        if existing.status != status, !existing.status.canMove(to: status) {
            let allowed = existing.status.allowedNext.map(\.rawValue).joined(separator: ", ")
            row.problem(
                "status",
                "\(number) cannot move from \(existing.status.rawValue) to \(status.rawValue) (allowed: \(allowed.isEmpty ? "none" : allowed))"
            )
        }
        guard row.problems.isEmpty else { return }

        var amendment = ItemAmendment(number: item)
        var diff: [PlanImport.DiffLine] = []
        if !existing.title.sameValues(as: title) {
            amendment.title = title
            diff += row.diff(number, "title", existing.title, title)
        }
        if !LocalizedText.sameValues(existing.text, text) {
            amendment.text = text ?? LocalizedText(authoritative: existing.title.authoritative, [:])
            diff += row.diff(number, "text", existing.text, text)
        }
        if existing.leads != leads {
            amendment.leads = leads
            diff.append(
                row.line(number, "leads", existing.leads.map(\.description).joined(separator: ";"), row["leads"]))
        }
        if !Timeline.sameValues(existing.timeline, timeline) {
            amendment.timeline = timeline ?? Timeline()
            diff.append(
                row.line(
                    number, "timeline", existing.timeline.map(RowReader.describe) ?? "",
                    timeline.map(RowReader.describe) ?? ""))
        }
        if existing.parent != parent, let parent {
            amendment.parent = parent
            diff.append(row.line(number, "parent", existing.parent?.rawValue ?? "", parent.rawValue))
        }
        if !diff.isEmpty { amendments.append(Planned(row: row.line, change: .amendItem(amendment), diff: diff)) }
        if existing.status != status {
            statusChanges.append(
                Planned(
                    row: row.line, change: .changeStatus(item: item, to: status),
                    diff: [row.line(number, "status", existing.status.rawValue, status.rawValue)]))
        }
    }

    /// The changes in the order they can be applied, tried against a copy of the state.
    func result() -> PlanImport {
        // The rows that read well are tried even when others did not, so one pass lists every problem.
        let ordered =
            additions.sorted {
                ($0.rank, ReadingOrder.key($0.number)) < ($1.rank, ReadingOrder.key($1.number))
            } + amendments + statusChanges
        var trial = state
        var refusals: [ImportProblem] = []
        for planned in ordered {
            let entry = LedgerEntry(
                sequence: trial.sequence + 1, recordedAt: Timestamp(millisecondsSince1970: 0), actor: actor,
                authority: authority, change: planned.change)
            do {
                trial = try trial.applying(entry).state
            } catch {
                refusals.append(
                    ImportProblem(
                        row: planned.row, column: RowReader.column(for: error.field), reason: error.description))
            }
        }
        guard problems.isEmpty, refusals.isEmpty else {
            return PlanImport(changes: [], diff: [], problems: (problems + refusals).sorted { $0.row < $1.row })
        }
        return PlanImport(
            changes: ordered.map { ProposedChange($0.change, by: actor, authority: authority) },
            diff: ordered.flatMap(\.diff), problems: [])
    }
}

/// Additions are made parents first, and in reading order among equals, so that "MPM-10" follows "MPM-2".
enum ReadingOrder {
    static func key(_ number: String) -> String {
        let parts = number.split(separator: "-", maxSplits: 1)
        let numbers =
            parts.count == 2
            ? parts[1].split(separator: ".").map { String(repeating: "0", count: max(0, 6 - $0.count)) + $0 } : []
        return ([String(parts.first ?? "")] + numbers).joined(separator: ".")
    }
}
