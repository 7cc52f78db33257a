/// The records of an RFC 4180 file, read field by field from its bytes.
///
/// Fields are slices of the input, so reading allocates one array per record and nothing per field,
/// except a quoted field with doubled quotes, which is copied once without them. Records end at LF or
/// CRLF; a quoted field may hold separators and line breaks.
struct CSVRecords: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private let separator: UInt8
    private var position: Int
    /// The line number where the current record starts, counted from 1.
    private(set) var line = 0
    private var nextLine = 1

    init(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.separator = separator
        // A byte order mark is not part of the first field.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The fields of the next record, with the line it starts on; nil at the end of the input.
    mutating func next() -> (line: Int, fields: [ArraySlice<UInt8>])? {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        let end = bytes.count
        // Blank lines between records are skipped, as spreadsheet exports end with one.
        while position < end, bytes[position] == newline || bytes[position] == carriage {
            if bytes[position] == newline { nextLine += 1 }
            position += 1
        }
        guard position < end else { return nil }
        line = nextLine
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(16)
        while true {
            if position < end, bytes[position] == quote {
                var start = position + 1
                var copy: [UInt8]?
                var index = start
                while index < end {
                    if bytes[index] == quote {
                        if index + 1 < end, bytes[index + 1] == quote {
                            if copy == nil { copy = [] }
                            copy!.append(contentsOf: bytes[start...index])
                            index += 2
                            start = index
                            continue
                        }
                        break
                    }
                    if bytes[index] == newline { nextLine += 1 }
                    index += 1
                }
                if var copied = copy {
                    copied.append(contentsOf: bytes[start..<Swift.min(index, end)])
                    fields.append(copied[...])
                } else {
                    fields.append(bytes[start..<Swift.min(index, end)])
                }
                position = Swift.min(index + 1, end)
                // Anything between the closing quote and the separator is ignored.
                while position < end, bytes[position] != separator, bytes[position] != newline { position += 1 }
            } else {
                var index = position
                while index < end, bytes[index] != separator, bytes[index] != newline { index += 1 }
                var stop = index
                if stop > position, bytes[stop - 1] == carriage { stop -= 1 }
                fields.append(bytes[position..<stop])
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
            return (line, fields)
        }
    }
}

extension ArraySlice where Element == UInt8 {
    /// The field as text (UTF-8, invalid bytes replaced).
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The field without leading and trailing spaces and tabs.
    var trimmed: ArraySlice<UInt8> {
        var slice = self
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
