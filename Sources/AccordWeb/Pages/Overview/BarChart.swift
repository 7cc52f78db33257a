/// A horizontal bar chart drawn as SVG on the server: no script, readable in print, and described in
/// words for screen readers (each bar's label and values are in its `<title>`).
struct BarChart {
    struct Bar {
        var label: String
        /// One value per series, stacked left to right.
        var values: [Int]
    }

    var title: String
    var series: [String]
    var bars: [Bar]

    /// Fills that stay distinguishable for the common colour-vision deficiencies (Okabe–Ito).
    static let palette = ["#0072B2", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#D55E00", "#999999"]

    func render(into html: inout HTML) {
        let labelWidth = 220
        let barArea = 440
        let rowHeight = 24
        let legendHeight = series.count > 1 ? 24 : 0
        let height = bars.count * rowHeight + legendHeight + 8
        let largest = max(1, bars.map { $0.values.reduce(0, +) }.max() ?? 1)
        html.element(
            "svg",
            [
                ("class", "chart"), ("role", "img"), ("aria-label", title),
                ("viewBox", "0 0 \(labelWidth + barArea + 60) \(height)"),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ]
        ) { html in
            html.element("title", text: title)
            for (row, bar) in bars.enumerated() {
                let y = row * rowHeight
                html.element("text", [("x", "0"), ("y", "\(y + 16)")], text: String(bar.label.prefix(34)))
                var x = labelWidth
                for (index, value) in bar.values.enumerated() where value > 0 {
                    let width = max(1, value * barArea / largest)
                    html.element(
                        "rect",
                        [
                            ("x", "\(x)"), ("y", "\(y + 4)"), ("width", "\(width)"), ("height", "\(rowHeight - 8)"),
                            ("fill", Self.palette[index % Self.palette.count]),
                        ]
                    ) { html in
                        html.element(
                            "title", text: "\(bar.label): \(series.isEmpty ? "" : series[index] + " ")\(value)")
                    }
                    x += width
                }
                html.element("text", [("x", "\(x + 6)"), ("y", "\(y + 16)")], text: "\(bar.values.reduce(0, +))")
            }
            guard series.count > 1 else { return }
            var x = 0
            for (index, name) in series.enumerated() {
                let y = bars.count * rowHeight + 8
                html.element(
                    "rect",
                    [
                        ("x", "\(x)"), ("y", "\(y)"), ("width", "12"), ("height", "12"),
                        ("fill", Self.palette[index % Self.palette.count]),
                    ])
                html.element("text", [("x", "\(x + 16)"), ("y", "\(y + 11)")], text: name)
                x += 30 + name.count * 7
            }
        }
    }
}
