import Foundation

/// A line chart of monthly series, drawn as SVG on the server like the dashboard's bars: one line per series,
/// a point per period with a value (a withheld or missing value breaks the line), each series named in its
/// `<title>` for screen readers, and the table beside it holding every figure.
struct LineChart {
    struct Series {
        var name: String
        /// One value per period of the chart; nil where there is none to show.
        var values: [UInt64?]
    }

    var title: String
    var periods: [String]
    var series: [Series]

    func render(into html: inout HTML) {
        let left = 70
        let width = 640
        let plotHeight = 220
        let legendHeight = 18 * ((series.count + 2) / 3)
        let height = plotHeight + 40 + legendHeight
        let largest = max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        let step = periods.count > 1 ? Double(width) / Double(periods.count - 1) : 0
        func y(_ value: UInt64) -> Int { 10 + plotHeight - Int(Double(value) / Double(largest) * Double(plotHeight)) }
        html.element(
            "svg",
            [
                ("class", "chart"), ("role", "img"), ("aria-label", title),
                ("viewBox", "0 0 \(left + width + 20) \(height)"), ("xmlns", "http://www.w3.org/2000/svg"),
            ]
        ) { html in
            html.element("title", text: title)
            // The axis: zero and the largest value, the first and last period.
            html.element(
                "line",
                [
                    ("x1", "\(left)"), ("y1", "\(10 + plotHeight)"), ("x2", "\(left + width)"),
                    ("y2", "\(10 + plotHeight)"), ("stroke", "#666"),
                ])
            html.element("text", [("x", "0"), ("y", "\(10 + plotHeight)")], text: "0")
            html.element("text", [("x", "0"), ("y", "16")], text: Self.grouped(largest))
            if let first = periods.first, let last = periods.last {
                html.element("text", [("x", "\(left)"), ("y", "\(plotHeight + 30)")], text: first)
                html.element("text", [("x", "\(left + width - 50)"), ("y", "\(plotHeight + 30)")], text: last)
            }
            for (index, line) in series.enumerated() {
                let colour = BarChart.palette[index % BarChart.palette.count]
                // Consecutive points with values make one polyline; a gap starts the next.
                var runs: [[String]] = [[]]
                for (position, value) in line.values.enumerated() {
                    if let value {
                        runs[runs.count - 1].append("\(left + Int(Double(position) * step)),\(y(value))")
                    } else if !(runs.last?.isEmpty ?? true) {
                        runs.append([])
                    }
                }
                html.element("g", [("stroke", colour), ("fill", "none"), ("stroke-width", "2")]) { html in
                    html.element("title", text: line.name)
                    for run in runs where !run.isEmpty {
                        if run.count == 1 {
                            let point = run[0].split(separator: ",")
                            html.element("circle", [("cx", String(point[0])), ("cy", String(point[1])), ("r", "2")])
                        } else {
                            html.element("polyline", [("points", run.joined(separator: " "))])
                        }
                    }
                }
                let x = (index % 3) * 220
                let legendY = plotHeight + 48 + (index / 3) * 18
                html.element(
                    "rect",
                    [("x", "\(x)"), ("y", "\(legendY - 10)"), ("width", "12"), ("height", "12"), ("fill", colour)])
                html.element("text", [("x", "\(x + 16)"), ("y", "\(legendY)")], text: line.name)
            }
        }
    }

    /// 12,345 with thin groups, as the tables write figures.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// A country × country matrix drawn as SVG: each cell shaded by its share of the largest, with its figure
/// in its `<title>`; withheld cells are hatched grey.
struct MatrixChart {
    var title: String
    var rows: [String]
    var columns: [String]
    /// `cells[row][column]`: nil for no observation, `.some(nil)` for a withheld one.
    var cells: [[UInt64??]]

    func render(into html: inout HTML) {
        let cell = 34
        let left = 60
        let top = 40
        let largest = max(1, cells.flatMap { $0.compactMap { $0 ?? nil } }.max() ?? 1)
        html.element(
            "svg",
            [
                ("class", "chart"), ("role", "img"), ("aria-label", title),
                ("viewBox", "0 0 \(left + columns.count * cell + 10) \(top + rows.count * cell + 10)"),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ]
        ) { html in
            html.element("title", text: title)
            for (index, column) in columns.enumerated() {
                html.element("text", [("x", "\(left + index * cell + 4)"), ("y", "\(top - 8)")], text: column)
            }
            for (rowIndex, row) in rows.enumerated() {
                let y = top + rowIndex * cell
                html.element("text", [("x", "0"), ("y", "\(y + 22)")], text: row)
                for (columnIndex, column) in columns.enumerated() {
                    guard let value = cells[rowIndex][columnIndex] else { continue }
                    let x = left + columnIndex * cell
                    let shade = value.map { 0.15 + 0.85 * Double($0) / Double(largest) } ?? 0
                    html.element(
                        "rect",
                        [
                            ("x", "\(x)"), ("y", "\(y)"), ("width", "\(cell - 2)"), ("height", "\(cell - 2)"),
                            ("fill", value == nil ? "#bbbbbb" : "#0072B2"),
                            ("fill-opacity", value == nil ? "1" : String(format: "%.2f", shade)),
                        ]
                    ) { html in
                        html.element("title", text: "\(row) → \(column): \(value.map { LineChart.grouped($0) } ?? "—")")
                    }
                }
            }
        }
    }
}
