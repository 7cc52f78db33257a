/// A plain-text table for the terminal: columns padded to their widest cell, long cells cut with "…" so
/// that a row stays on one line.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// The widest a column may get before its cells are cut.
    var maxWidth = 60

    init(_ headers: String...) { self.headers = headers }

    init(headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var rendered: String {
        let cut = rows.map { $0.map(clip) }
        let widths = headers.indices.map { column in
            ([headers[column]] + cut.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            headers.indices.map { column in
                let cell = column < cells.count ? cells[column] : ""
                return column == headers.count - 1 ? cell : cell.padding(toLength: widths[column])
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + cut.map(line)).joined(separator: "\n")
    }

    private func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= maxWidth ? flat : String(flat.prefix(maxWidth - 1)) + "…"
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
