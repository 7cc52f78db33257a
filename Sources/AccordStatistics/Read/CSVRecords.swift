import Foundation

/// The bytes of one field, pointing into the file being read.
typealias FieldBytes = UnsafeBufferPointer<UInt8>

/// The records of an RFC 4180 file, read field by field from its bytes.
///
/// Fields point into the input, which the caller keeps alive and which this reader may rewrite: a quoted
/// field with doubled quotes is unescaped where it lies (the result is never longer). Measured: building
/// an array slice per field costs two atomic reference counts, more than reading the field, so the
/// reader hands out pointers and refills one array of fields for the whole file. Records end at LF or
/// CRLF; a quoted field may hold separators and line breaks.
struct CSVRecords {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let separator: UInt8
    private var position: Int
    private var nextLine = 1
    /// The fields of the current record, refilled by each `next()`.
    private(set) var fields: [FieldBytes] = []

    init(_ bytes: UnsafeMutableBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.separator = separator
        // A byte order mark is not part of the first field.
        position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Reads the next record into `fields` and returns the line it starts on; nil at the end of the input.
    mutating func next() -> Int? {
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
        let line = nextLine
        fields.removeAll(keepingCapacity: true)
        let base = UnsafeBufferPointer(bytes)
        while true {
            if bytes[position] == quote {
                // Copy the content down over the doubled quotes as it is read.
                let start = position + 1
                var read = start
                var written = start
                while read < end {
                    let byte = bytes[read]
                    if byte == quote {
                        if read + 1 < end, bytes[read + 1] == quote {
                            bytes[written] = quote
                            written += 1
                            read += 2
                            continue
                        }
                        break
                    }
                    if byte == newline { nextLine += 1 }
                    bytes[written] = byte
                    written += 1
                    read += 1
                }
                fields.append(FieldBytes(rebasing: base[start..<written]))
                position = Swift.min(read + 1, end)
                // Anything between the closing quote and the separator is ignored.
                while position < end, bytes[position] != separator, bytes[position] != newline { position += 1 }
            } else {
                var index = position
                while index < end {
                    let byte = bytes[index]
                    if byte == separator || byte == newline { break }
                    index += 1
                }
                var stop = index
                if stop > position, bytes[stop - 1] == carriage { stop -= 1 }
                fields.append(FieldBytes(rebasing: base[position..<stop]))
                position = index
            }
            if position < end, bytes[position] == separator {
                position += 1
                if position == end {
                    fields.append(FieldBytes(rebasing: base[end..<end]))
                    return line
                }
                continue
            }
            // End of the record: a newline or the end of the input.
            if position < end {
                position += 1
                nextLine += 1
            }
            return line
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The field as text (UTF-8, invalid bytes replaced).
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The field without leading and trailing spaces and tabs.
    var trimmed: FieldBytes {
        var start = 0
        var end = count
        while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
        while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
        return start == 0 && end == count ? self : FieldBytes(rebasing: self[start..<end])
    }

    /// Whether the field holds exactly `bytes`, compared as memory.
    func isSame(as bytes: [UInt8]) -> Bool {
        guard count > 0 else { return bytes.isEmpty }
        return count == bytes.count
            && bytes.withUnsafeBufferPointer { memcmp(baseAddress!, $0.baseAddress!, count) == 0 }
    }

    /// An empty field.
    static var empty: FieldBytes { FieldBytes(start: nil, count: 0) }
}
