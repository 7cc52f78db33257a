import AccordCore
import AccordServices
import AccordStatistics

/// What a statistics page shows — the query its selection asks and the answer laid out as a table — worked
/// out once, so that the page, its chart, its CSV download and its SDMX links are of exactly the same figures.
///
/// Three views: a monthly series by reporting country, a year-by-year breakdown by citizenship, and a country
/// × country matrix (reporting country × counterpart, e.g. who returned people to whom). Sex, age and border
/// point are summed through their totals where the data report them (`Cube.totals`), so no one counts twice.
struct StatisticsFigure {
    enum View: String, CaseIterable, Sendable {
        case series, citizenship, matrix
    }

    var view: View
    var event: String
    var area: String?
    /// The first and last month shown, as the page's form wrote them (YYYY-MM); nil for no bound.
    var from: String?
    var to: String?
    var query: Query
    var result: QueryResult
    var rows: [String]
    var columns: [String]
    /// `cells[row][column]`, nil where there is no observation.
    var cells: [[QueryResult.Cell?]]

    /// - Throws: `Problem` naming the parameter that cannot be read.
    init(dataset: StatisticsDataset, parameters: [String: String]) throws {
        let structure = dataset.structure
        let flow = dataset.flow
        view =
            try parameters["view"].map {
                guard let view = View(rawValue: $0) else { throw Problem.badParameter("view", "'\($0)' is not a view") }
                return view
            } ?? .series
        let defaultEvent =
            flow.events.first { event in
                structure.codelist(.event).position(of: event).map { dataset.cube.holds($0, in: .event) } ?? false
            } ?? flow.events[0]
        event = parameters["event", default: ""].isEmpty ? defaultEvent : parameters["event"]!
        guard flow.events.contains(event) else {
            throw Problem.badParameter(
                "event", "\(flow.id) has no event '\(event)'; it has \(flow.events.joined(separator: ", "))")
        }
        area = parameters["area"].flatMap { $0.isEmpty ? nil : $0 }
        if let area, !structure.codelist(.referenceArea).contains(area) {
            throw Problem.badParameter("area", "'\(area)' is not a reporting country")
        }
        func month(_ name: String) throws -> Period? {
            guard let text = parameters[name], !text.isEmpty else { return nil }
            guard let period = Period(text, frequency: .monthly) else {
                throw Problem.badParameter(name, "'\(text)' is not a month: write YYYY-MM")
            }
            return period
        }
        let first = try month("from")
        let last = try month("to")
        from = first?.description
        to = last?.description
        var filters: [KeyDimension: Set<String>] = [.event: [event]]
        if let area { filters[.referenceArea] = [area] }
        let range: ClosedRange<Period>? =
            switch (first, last) {
            case (let first?, let last?) where first <= last: first...last
            case (let first?, nil): first...Period(year: 2999, frequency: .monthly, part: 12)!
            case (nil, let last?): Period(year: 1900, frequency: .monthly)!...last
            case (.some, .some): throw Problem.badParameter("to", "the last month is before the first")
            case (nil, nil): nil
            }
        let groups: [KeyDimension] =
            switch view {
            case .series: [.referenceArea]
            case .citizenship: [.citizenship]
            case .matrix: [.referenceArea, .counterpartArea]
            }
        query = dataset.cube.totals(
            Query(
                groupBy: groups, time: view == .series ? .period : view == .citizenship ? .year : .none,
                frequency: .monthly, filters: filters, periods: range))
        result = dataset.sum(query)
        // Rows and columns in the order the cube answers (codelist order, then period).
        var rowKeys: [String] = []
        var columnKeys: [String] = []
        let chosen = view
        func key(_ cell: QueryResult.Cell) -> (row: String, column: String) {
            switch chosen {
            case .series: (cell.period?.description ?? "", cell.codes[0])
            case .citizenship: (cell.codes[0], cell.period?.description ?? "")
            case .matrix: (cell.codes[0], cell.codes[1])
            }
        }
        for cell in result.cells {
            let (row, column) = key(cell)
            if !rowKeys.contains(row) { rowKeys.append(row) }
            if !columnKeys.contains(column) { columnKeys.append(column) }
        }
        if chosen == .series { rowKeys.sort() }
        if chosen == .citizenship { columnKeys.sort() }
        rows = rowKeys
        columns = columnKeys
        var grid = [[QueryResult.Cell?]](
            repeating: [QueryResult.Cell?](repeating: nil, count: columnKeys.count), count: rowKeys.count)
        let rowPlace = Dictionary(uniqueKeysWithValues: rowKeys.enumerated().map { ($1, $0) })
        let columnPlace = Dictionary(uniqueKeysWithValues: columnKeys.enumerated().map { ($1, $0) })
        for cell in result.cells {
            let (row, column) = key(cell)
            grid[rowPlace[row]!][columnPlace[column]!] = cell
        }
        cells = grid
    }

    /// The SDMX key of the observations the table adds up: FREQ M, the event, the area if one is chosen, and
    /// `_T` for the dimensions summed through their totals; any code elsewhere.
    var sdmxKey: String {
        KeyDimension.allCases.map { dimension in
            dimension == .frequency ? "M" : (query.filters[dimension]?.sorted().joined(separator: "+") ?? "")
        }.joined(separator: ".")
    }

    /// The query string of the page's selection, for links to the same figures.
    var selection: [(String, String)] {
        [("view", view.rawValue), ("event", event), ("area", area ?? ""), ("from", from ?? ""), ("to", to ?? "")]
    }

    /// A cell as the table writes it: the figure, the withheld mark, or nothing.
    static func text(_ cell: QueryResult.Cell?, withheld: String) -> String {
        guard let cell else { return "" }
        if cell.isSuppressed { return withheld }
        return cell.value.map(LineChart.grouped) ?? ""
    }
}
