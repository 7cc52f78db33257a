import Foundation

/// RFC 4180 CSV: fields separated by commas, quoted when they hold a comma, a quote or a line break,
/// records ended by CRLF.
///
/// A field that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is written after an apostrophe, which spreadsheets read as "this cell is text", and the
/// apostrophe is dropped again on import. Plan texts come from many hands (a proposal's title, a comment),
/// and the file is opened by the Secretariat in a spreadsheet: `=HYPERLINK(…)` in a title must stay text.
/// So that every text survives the round trip, a field whose apostrophes are followed by such a character
/// gets one more apostrophe on export, and loses one on import.
enum CSVFormat {
    /// One record of a file, with the line it starts on, for error messages.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// A field as it is written: after an apostrophe if a spreadsheet would take it for a formula, then
    /// quoted (quotes doubled) only where it needs to be.
    static func field(_ text: String) -> String {
        let text = startsLikeFormula(text.utf8) ? "'" + text : text
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
            let isProtected = field.first == UInt8(ascii: "'") && startsLikeFormula(field)
            fields.append(String(decoding: isProtected ? field.dropFirst() : field[...], as: UTF8.self))
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

extension CSVFormat {
    /// The characters with which a spreadsheet starts a formula.
    private static let formulaStarts: [UInt8] = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// Whether `bytes`, after any apostrophes it starts with, start with a formula character.
    fileprivate static func startsLikeFormula(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        return formulaStarts.contains(first)
    }
}

/// A file that is not CSV at all.
struct CSVSyntaxError: Error {
    var line: Int
    var reason: String
}
