import AccordCore
import AccordServices
import AccordStore
import ArgumentParser

/// `accord compare A B`: what changed in the plan between two editions or ledger positions.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the plan at two points: items added, removed, moved, renumbered, status and text changes.",
        discussion: "A point is an edition number (2), a ledger position (@120) or now.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOptions

    @Argument(help: "The earlier point: an edition number, @POSITION or now.")
    var from: String

    @Argument(help: "The later point: an edition number, @POSITION or now.")
    var to: String

    @Option(help: "The language the diffs are shown in (es, en, fr); JSON has every language.")
    var lang: String = "en"

    @Flag(help: "Print the comparison as JSON, every language included.")
    var json = false

    func run() async throws {
        guard let start = PlanPoint(from) else { throw ValidationError("FROM: '\(from)' is not 2, @120 or now") }
        guard let end = PlanPoint(to) else { throw ValidationError("TO: '\(to)' is not 2, @120 or now") }
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use es, en or fr") }
        let (old, new) = try await withRecord(database, logger: makeLogger()) { store in
            do {
                let (record, principal) = (RecordService(store: store), try await identity.principal(in: store))
                return (
                    try await record.state(at: start, for: principal, field: "FROM"),
                    try await record.state(at: end, for: principal, field: "TO")
                )
            } catch let error as ChangeError {
                throw Failure(description: "\(error)")
            }
        }
        let comparison = PlanComparison(from: old, to: new)
        if json {
            try printJSON(comparison)
            return
        }
        func name(_ point: PlanPoint, _ state: ProcessState) -> String {
            if case .position = point { return "\(point)" }
            return "\(point) (ledger position \(state.sequence))"
        }
        print("From \(name(start, old)) to \(name(end, new)):")
        guard !comparison.items.isEmpty || !comparison.workplans.isEmpty else {
            print("The plan is the same.")
            return
        }
        let counts = comparison.summary.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        print(counts.joined(separator: ", ") + ".")
        var table = TextTable("item", "what changed", "details")
        table.maxWidth = 90
        for item in comparison.items {
            table.add(item.number.rawValue, item.kinds.joined(separator: ", "), Self.details(item, in: language))
        }
        print(table.rendered)
        for workplan in comparison.workplans {
            let what =
                workplan.added
                ? "added"
                : [workplan.status.map { "\($0.before.rawValue) → \($0.after.rawValue)" }].compactMap { $0 }
                    .joined()
            print("Workplan \(workplan.id): \(what.isEmpty ? "title changed" : what)")
        }
    }

    /// One line saying what changed, diffs written [-removed-]{+added+} as in `git diff --word-diff`.
    static func details(_ item: PlanComparison.ItemChange, in language: Language) -> String {
        var parts: [String] = []
        if let added = item.added { parts.append(added == "new" ? "new: \(item.title)" : "entered the current plan") }
        if let removed = item.removed { parts.append("left the current plan (\(removed))") }
        if let old = item.renumberedFrom { parts.append("was \(old)") }
        if let moved = item.moved {
            parts.append("moved from \(moved.fromParent?.rawValue ?? "top") to \(moved.toParent?.rawValue ?? "top")")
        }
        if let status = item.status { parts.append("\(status.before.rawValue) → \(status.after.rawValue)") }
        if let leads = item.leads {
            parts.append(
                "lead \(leads.before.map(\.description).joined(separator: "+")) → "
                    + leads.after.map(\.description).joined(separator: "+"))
        }
        if let timeline = item.timeline {
            parts.append(
                "due \(timeline.before?.target?.description ?? "—") → \(timeline.after?.target?.description ?? "—")")
        }
        for text in item.texts where text.language == language {
            let rendered = text.diff.segments.map { segment in
                switch segment {
                case .same(let text): text
                case .removed(let text): "[-\(text)-]"
                case .added(let text): "{+\(text)+}"
                }
            }.joined()
            parts.append("\(text.field): \(rendered)")
        }
        let translations = Set(item.texts.filter { $0.language != language }.map(\.language.rawValue)).sorted()
        if !translations.isEmpty { parts.append("also changed in \(translations.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
}
