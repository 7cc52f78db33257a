import AccordCore

/// One row of a plan CSV, read field by field, with the problems found in it.
struct RowReader {
    let record: CSVFormat.Record
    let state: ProcessState
    private(set) var problems: [ImportProblem] = []

    init(record: CSVFormat.Record, state: ProcessState) {
        self.record = record
        self.state = state
    }

    var line: Int { record.line }

    /// The value of `column`, without surrounding spaces (a spreadsheet adds them easily, nobody means them).
    subscript(column: String) -> String {
        guard let index = PlanCSV.columns.firstIndex(of: column), index < record.fields.count else { return "" }
        return record.fields[index].trimmingSpaces()
    }

    mutating func problem(_ column: String, _ reason: String) {
        problems.append(ImportProblem(row: record.line, column: column, reason: reason))
    }

    func line(_ number: String, _ field: String, _ old: String, _ new: String) -> PlanImport.DiffLine {
        PlanImport.DiffLine(row: record.line, number: number, field: field, old: old, new: new)
    }

    /// One diff line per language whose text differs.
    func diff(_ number: String, _ field: String, _ old: LocalizedText?, _ new: LocalizedText?) -> [PlanImport.DiffLine]
    {
        Language.allCases.compactMap { language in
            let before = old?[language] ?? ""
            let after = new?[language] ?? ""
            return before == after ? nil : line(number, "\(field) (\(language.rawValue))", before, after)
        }
    }

    mutating func status() -> Status? {
        guard let status = Status(rawValue: self["status"]) else {
            problem(
                "status", "'\(self["status"])' is not one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))"
            )
            return nil
        }
        return status
    }

    /// The row's authoritative language.
    mutating func authoritative() -> Language? {
        guard let language = Language(rawValue: self["authoritative"]) else {
            problem("authoritative", "'\(self["authoritative"])' is not es, en or fr")
            return nil
        }
        return language
    }

    /// The title: its text in the authoritative language is required.
    mutating func title() -> LocalizedText? {
        guard let authoritative = authoritative() else { return nil }
        let values = texts("title")
        guard values[authoritative] != nil else {
            problem(
                "title_\(authoritative.rawValue)",
                "the title in the authoritative language (\(authoritative.rawValue)) is empty")
            return nil
        }
        for (language, text) in values where text.count > TextLimit.title {
            problem(
                "title_\(language.rawValue)", "is \(text.count) characters long; a title has at most \(TextLimit.title)"
            )
        }
        return LocalizedText(authoritative: authoritative, values)
    }

    /// A text kept in three columns, nil when all three are empty; its authoritative language is the row's
    /// where that column has text, else the first language that has.
    mutating func optionalText(_ prefix: String, limit: Int = TextLimit.text) -> LocalizedText? {
        let values = texts(prefix)
        guard !values.isEmpty else { return nil }
        for (language, text) in values where text.count > limit {
            problem("\(prefix)_\(language.rawValue)", "is \(text.count) characters long; the limit is \(limit)")
        }
        let row = Language(rawValue: self["authoritative"])
        let authoritative =
            row.flatMap { values[$0] == nil ? nil : $0 } ?? Language.allCases.first { values[$0] != nil }!
        return LocalizedText(authoritative: authoritative, values)
    }

    mutating func timeline() -> Timeline? {
        let wording = optionalText("timeline", limit: TextLimit.title)
        var target: PartialDate?
        if !self["target"].isEmpty {
            target = PartialDate(self["target"])
            if target == nil {
                problem("target", "'\(self["target"])' is not a date such as 2025, 2025-06 or 2025-06-30")
            }
        }
        return wording == nil && target == nil ? nil : Timeline(text: wording, target: target)
    }

    /// The leads, "TS" or the code of a participant of the process, separated by semicolons.
    mutating func leads() -> [Lead]? {
        var leads: [Lead] = []
        for code in self["leads"].split(separator: ";").map({ String($0).trimmingSpaces() }) where !code.isEmpty {
            let lead = Lead(code: code)
            if case .participant(let id) = lead, state.participants[id] == nil {
                problem(
                    "leads",
                    "unknown lead '\(code)': not a participant of the process, nor TS (the Technical Secretariat)")
                return nil
            }
            leads.append(lead)
        }
        return leads
    }

    private func texts(_ prefix: String) -> [Language: String] {
        var values: [Language: String] = [:]
        for language in Language.allCases {
            let text = self["\(prefix)_\(language.rawValue)"]
            if !text.isEmpty { values[language] = text }
        }
        return values
    }

    static func describe(_ timeline: Timeline) -> String {
        [timeline.text?.original, timeline.target.map { "target \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    /// The CSV column a refusal of the rules is about, from the field the rules name ("item.leads[0]").
    static func column(for field: String) -> String {
        let names = ["leads", "title", "text", "timeline", "status", "parent", "workplan", "number", "kind", "body"]
        let lowered = field.lowercased()
        if lowered.hasPrefix("authority") { return "" }
        for name in names where lowered.contains(name) {
            if ["title", "text", "timeline"].contains(name),
                let language = Language.allCases.first(where: { lowered.contains(".\($0.rawValue)") })
            {
                return "\(name)_\(language.rawValue)"
            }
            return name
        }
        return ""
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        guard first == " " || last == " " else { return self }
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}

extension LocalizedText {
    /// Whether the two hold the same text in every language; which one is authoritative is the row's choice
    /// for the title only.
    func sameValues(as other: LocalizedText) -> Bool { values == other.values && authoritative == other.authoritative }

    static func sameValues(_ lhs: LocalizedText?, _ rhs: LocalizedText?) -> Bool {
        (lhs?.values ?? [:]) == (rhs?.values ?? [:])
    }
}

extension Timeline {
    static func sameValues(_ lhs: Timeline?, _ rhs: Timeline?) -> Bool {
        LocalizedText.sameValues(lhs?.text, rhs?.text) && lhs?.target == rhs?.target
    }
}
