import Foundation

/// RFC 4180 CSV: fields separated by commas, quoted when they hold a comma, a quote or a line break,
/// records ended by CRLF.
enum CSVFormat {
    /// One record of a file, with the line it starts on, for error messages.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// A field as it is written: quoted (quotes doubled) only where it needs to be.
    static func field(_ text: String) -> String {
        var needsQuotes = false
        for byte in text.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes, text.first != " ", text.last != " " { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A record as one line of a file, CRLF included.
    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// The records of `text`; an unterminated quote is reported with the line it opened on.
    ///
    /// Accepts CRLF and LF endings alike (spreadsheets and editors write either); blank lines are skipped.
    static func records(_ text: String) -> Result<[Record], CSVSyntaxError> {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 0
        var afterQuote = false
        let bytes = Array(text.utf8)
        var index = 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case 0x22 where field.isEmpty && !afterQuote:
                    quoted = true
                    quoteLine = line
                case 0x2C:
                    endField()
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    break
                case 0x0A:
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    if afterQuote {
                        return .failure(
                            CSVSyntaxError(line: line, reason: "text after a closing quote; quote the whole field"))
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if quoted {
            return .failure(CSVSyntaxError(line: quoteLine, reason: "a quoted field opened here is never closed"))
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return .success(records)
    }
}

/// A file that is not CSV at all.
struct CSVSyntaxError: Error {
    var line: Int
    var reason: String
}
