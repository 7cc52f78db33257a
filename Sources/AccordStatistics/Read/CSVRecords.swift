/// The records of an RFC 4180 file, read field by field from its bytes.
///
/// A record's fields are ranges of `bytes`, written into an array the caller keeps from record to record:
/// reading a 100,000-row upload allocates nothing per row or field, and (unlike slices) a range costs no
/// reference counting. A quoted field with doubled quotes is the exception: it cannot be a range of the
/// input, so that record's fields are copied, unquoted, into `copy` and `source` says so. Records end at LF
/// or CRLF; a quoted field may hold separators and line breaks.
struct CSVRecords {
    /// Where a record's field ranges point.
    enum Source { case input, copy }

    let bytes: [UInt8]
    private let separator: UInt8
    private let end: Int
    /// Where the next record starts.
    private(set) var position: Int
    /// The line number where the current record starts, counted from 1.
    private(set) var line = 0
    /// The line number where the next record starts.
    private(set) var nextLine = 1
    /// Whether a quoted field was read: a quote may hold a line break, so a part of a file that saw one
    /// may not have started on a record of its own.
    private(set) var sawQuote = false
    /// The current record, unquoted, when it had a field with doubled quotes.
    private(set) var copy: [UInt8] = []

    /// The records of `part` of `bytes` (all of them by default), its lines counted from 1.
    init(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ","), part: Range<Int>? = nil) {
        self.bytes = bytes
        self.separator = separator
        let part = part ?? bytes.indices
        end = part.upperBound
        // A byte order mark is not part of the first field.
        position = part.lowerBound == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : part.lowerBound
    }

    /// Reads the next record's fields into `fields` (replacing what was there) and returns where they
    /// point; nil at the end of the input.
    mutating func next(into fields: inout [Range<Int>]) -> Source? {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        // Blank lines between records are skipped, as spreadsheet exports end with one.
        while position < end, bytes[position] == newline || bytes[position] == carriage {
            if bytes[position] == newline { nextLine += 1 }
            position += 1
        }
        guard position < end else { return nil }
        line = nextLine
        fields.removeAll(keepingCapacity: true)
        var unquoted: [Int: [UInt8]] = [:]
        while true {
            if position < end, bytes[position] == quote {
                sawQuote = true
                var start = position + 1
                var index = start
                while index < end {
                    if bytes[index] == quote {
                        if index + 1 < end, bytes[index + 1] == quote {
                            unquoted[fields.count, default: []].append(contentsOf: bytes[start...index])
                            index += 2
                            start = index
                            continue
                        }
                        break
                    }
                    if bytes[index] == newline { nextLine += 1 }
                    index += 1
                }
                unquoted[fields.count]?.append(contentsOf: bytes[start..<Swift.min(index, end)])
                fields.append(start..<Swift.min(index, end))
                position = Swift.min(index + 1, end)
                // Anything between the closing quote and the separator is ignored.
                while position < end, bytes[position] != separator, bytes[position] != newline { position += 1 }
            } else {
                var index = position
                while index < end, bytes[index] != separator, bytes[index] != newline { index += 1 }
                var stop = index
                if stop > position, bytes[stop - 1] == carriage { stop -= 1 }
                fields.append(position..<stop)
                position = index
            }
            if position < end, bytes[position] == separator {
                position += 1
                continue
            }
            // End of the record: a newline or the end of the input.
            if position < end {
                position += 1
                nextLine += 1
            }
            guard !unquoted.isEmpty else { return .input }
            copyRecord(&fields, unquoted)
            return .copy
        }
    }

    /// Copies the record into `copy`, each field with doubled quotes as its unquoted text.
    private mutating func copyRecord(_ fields: inout [Range<Int>], _ unquoted: [Int: [UInt8]]) {
        copy.removeAll(keepingCapacity: true)
        for index in fields.indices {
            let start = copy.count
            copy.append(contentsOf: unquoted[index] ?? Array(bytes[fields[index]]))
            fields[index] = start..<copy.count
        }
    }

    /// Every record as text, with the line it starts on: for small files read whole, such as spreadsheets.
    static func texts(_ bytes: [UInt8], separator: UInt8) -> [(line: Int, fields: [String])] {
        var records = CSVRecords(bytes, separator: separator)
        var fields: [Range<Int>] = []
        var result: [(line: Int, fields: [String])] = []
        while let source = records.next(into: &fields) {
            let buffer = source == .input ? records.bytes : records.copy
            result.append((records.line, fields.map { buffer.text($0) }))
        }
        return result
    }
}

extension [UInt8] {
    /// The bytes of `range` as text (UTF-8, invalid bytes replaced).
    func text(_ range: Range<Int>) -> String { String(decoding: self[range], as: UTF8.self) }

    /// `range` without leading and trailing spaces and tabs.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        while lower < upper, self[lower] == 0x20 || self[lower] == 0x09 { lower += 1 }
        while upper > lower, self[upper - 1] == 0x20 || self[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    /// Whether the bytes of `range` are `other`'s, compared by index (no slice, no reference counting).
    func bytes(_ range: Range<Int>, equal other: [UInt8]) -> Bool {
        guard range.count == other.count else { return false }
        var index = range.lowerBound
        for byte in other {
            if self[index] != byte { return false }
            index += 1
        }
        return true
    }
}
