import Foundation

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
    /// How many first and last fields a record may repeat of the one before (see `next(into:)`).
    private let repeating: (head: Int, tail: Int)?
    /// The last record's first fields with the separator after them, and its last fields up to the line
    /// break, as bytes of the input; nil when the next record may not keep them.
    private var repeats: (head: Range<Int>, tail: Range<Int>, width: Int)?
    /// Whether the current record's first fields, or its last, were kept from the record before.
    private(set) var keptHead = false
    private(set) var keptTail = false

    /// The records of `part` of `bytes` (all of them by default), its lines counted from 1. With
    /// `repeating`, a record that starts with the last record's `head` fields byte for byte, or ends with its
    /// `tail` fields, keeps them without reading them again (`keptHead`, `keptTail`): an upload repeats a
    /// series' codes before its period and value, and its attributes after them, on every row.
    init(
        _ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ","), part: Range<Int>? = nil,
        repeating: (head: Int, tail: Int)? = nil
    ) {
        self.bytes = bytes
        self.separator = separator
        end = part?.upperBound ?? bytes.count
        // A byte order mark at the start of a file is not part of its first field.
        position = part?.lowerBound ?? (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        self.repeating = repeating.flatMap { $0.head > 0 && $0.tail > 0 ? $0 : nil }
    }

    /// Makes the next record read whole: the caller found a problem in the current one, so what it decoded
    /// of it may not be taken as read.
    mutating func forgetRepeats() { repeats = nil }

    /// Reads the next record's fields into `fields` and returns where they point; nil at the end of the input.
    ///
    /// `fields` must be given back as this call left it: a record that repeats the last record's first or
    /// last fields keeps their ranges there, which point at the last record's equal bytes.
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
        if readRepeating(into: &fields) { return .input }
        let recordStart = position
        (keptHead, keptTail) = (false, false)
        var count = 0
        if let repeats, let repeating, fields.count == repeats.width, isAt(repeats.head) {
            count = repeating.head
            position += repeats.head.count
            keptHead = true
        }
        /// Writes the next field's range over what the array held there.
        func put(_ field: Range<Int>) {
            if count < fields.count { fields[count] = field } else { fields.append(field) }
            count += 1
        }
        var unquoted: [Int: [UInt8]] = [:]
        var wasQuoted = false
        while true {
            if let repeats, let repeating, count == repeats.width - repeating.tail, fields.count == repeats.width,
                isAt(repeats.tail), isLineEnd(position + repeats.tail.count)
            {
                count = repeats.width
                position += repeats.tail.count
                if position < end, bytes[position] == carriage { position += 1 }
                keptTail = true
            } else if position < end, bytes[position] == quote {
                sawQuote = true
                wasQuoted = true
                var start = position + 1
                var index = start
                while index < end {
                    if bytes[index] == quote {
                        if index + 1 < end, bytes[index + 1] == quote {
                            unquoted[count, default: []].append(contentsOf: bytes[start...index])
                            index += 2
                            start = index
                            continue
                        }
                        break
                    }
                    if bytes[index] == newline { nextLine += 1 }
                    index += 1
                }
                unquoted[count]?.append(contentsOf: bytes[start..<Swift.min(index, end)])
                put(start..<Swift.min(index, end))
                position = Swift.min(index + 1, end)
                // Anything between the closing quote and the separator is ignored.
                while position < end, bytes[position] != separator, bytes[position] != newline { position += 1 }
            } else {
                let index = fieldEnd(from: position)
                var stop = index
                if stop > position, bytes[stop - 1] == carriage { stop -= 1 }
                put(position..<stop)
                position = index
            }
            if !keptTail, position < end, bytes[position] == separator {
                position += 1
                continue
            }
            // End of the record: a newline or the end of the input.
            if position < end {
                position += 1
                nextLine += 1
            }
            if count < fields.count { fields.removeSubrange(count...) }
            if !keptHead || !keptTail { remember(fields, from: recordStart, wasQuoted: wasQuoted) }
            guard !unquoted.isEmpty else { return .input }
            copyRecord(&fields, unquoted)
            return .copy
        }
    }

    /// Reads the record at `position` when it keeps both the last record's first and last fields and its
    /// fields between them are plain (no quote, no line break): a series' row, most rows of an upload. Does
    /// nothing and returns false otherwise, for `next(into:)` to read the record as any other.
    private mutating func readRepeating(into fields: inout [Range<Int>]) -> Bool {
        guard let repeats, let repeating, fields.count == repeats.width, isAt(repeats.head, from: position) else {
            return false
        }
        var index = position + repeats.head.count
        for field in repeating.head..<repeats.width - repeating.tail {
            guard index < end, bytes[index] != UInt8(ascii: "\"") else { return false }
            let fieldEnd = fieldEnd(from: index)
            guard fieldEnd < end, bytes[fieldEnd] == separator else { return false }
            // As `next(into:)` reads it: a carriage return before the separator is not the field's.
            fields[field] =
                index..<(fieldEnd > index && bytes[fieldEnd - 1] == UInt8(ascii: "\r") ? fieldEnd - 1 : fieldEnd)
            index = fieldEnd + 1
        }
        guard isAt(repeats.tail, from: index), isLineEnd(index + repeats.tail.count) else { return false }
        index += repeats.tail.count
        if index < end, bytes[index] == UInt8(ascii: "\r") { index += 1 }
        if index < end {
            index += 1
            nextLine += 1
        }
        position = index
        (keptHead, keptTail) = (true, true)
        return true
    }

    /// Remembers what the next record may repeat of this one: the parts it kept stay as they were, the
    /// others are this record's. Nothing when a field was quoted: its range is not its bytes, and it may
    /// hold a line break.
    private mutating func remember(_ fields: [Range<Int>], from start: Int, wasQuoted: Bool) {
        // A field the line's carriage return ends is shorter than its bytes: the head must end at a separator.
        guard let repeating, !wasQuoted, repeating.head + repeating.tail <= fields.count,
            keptHead || bytes[fields[repeating.head - 1].upperBound] == separator
        else {
            repeats = nil
            return
        }
        let head = keptHead ? repeats!.head : start..<fields[repeating.head - 1].upperBound + 1
        let tail =
            keptTail
            ? repeats!.tail : fields[fields.count - repeating.tail].lowerBound..<fields[fields.count - 1].upperBound
        repeats = (head, tail, fields.count)
    }

    /// Where the unquoted field from `start` ends: at the next separator or line feed, or the end.
    private func fieldEnd(from start: Int) -> Int {
        var index = start
        while index < end, bytes[index] != separator, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// Whether a record may end at `index`: the end of the input, a line feed, or a carriage return before
    /// one (or at the end).
    private func isLineEnd(_ index: Int) -> Bool {
        index == end || bytes[index] == UInt8(ascii: "\n")
            || (bytes[index] == UInt8(ascii: "\r") && (index + 1 == end || bytes[index + 1] == UInt8(ascii: "\n")))
    }

    /// Whether the bytes from `start` (`position` by default) on are those of `range`, an earlier part of
    /// the input.
    private func isAt(_ range: Range<Int>, from start: Int? = nil) -> Bool {
        let start = start ?? position
        guard start + range.count <= end else { return false }
        // Measured (Benchmarks/, target 9 c): a byte loop here left 2 runs in 9 above the target; memcmp,
        // within the bounds just checked, none in 20.
        return bytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + start, buffer.baseAddress! + range.lowerBound, range.count) == 0
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
