import Foundation
import Testing

@testable import AccordStatistics

/// An uploaded workbook comes from outside: a malformed one is refused with a reason, never stops the process.
/// ZIPFoundation traps on some malformed archives, so these run the reader on thousands of damaged workbooks —
/// a trap here ends the whole test run, which is the failure this suite guards against.
@Suite struct MalformedWorkbookTests {
    static let workbook: [UInt8] = {
        let rows = [["Mes", "Sexo", "Personas"], ["2026-01", "Mujeres", "12"], ["2026-01", "Hombres", "30"]]
        return Array(try! Spreadsheet.xlsx(sheets: [("Devoluciones", rows)]))
    }()

    /// Reads `bytes` as a workbook; whatever happens, it must be a value or a thrown error.
    static func read(_ bytes: [UInt8]) -> Result<Spreadsheet, any Error> {
        Result { try Spreadsheet(xlsx: Data(bytes)) }
    }

    @Test func theIntactWorkbookReads() throws {
        let sheet = try Self.read(Self.workbook).get()
        #expect(
            sheet.rows.map(\.cells) == [
                ["Mes", "Sexo", "Personas"], ["2026-01", "Mujeres", "12"], ["2026-01", "Hombres", "30"],
            ])
    }

    @Test func crafted() {
        var cases: [(String, [UInt8])] = [
            ("empty", []),
            ("not a ZIP", Array("Mes;Sexo;Personas\n".utf8)),
            ("only an end record", [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18)),
        ]
        let bytes = Self.workbook
        // The end-of-central-directory record is the last 22 bytes (no comment).
        let record = bytes.count - 22
        func patched(_ offset: Int, _ values: [UInt8]) -> [UInt8] {
            var copy = bytes
            for (index, value) in values.enumerated() where offset + index < copy.count { copy[offset + index] = value }
            return copy
        }
        cases.append(("central directory past the end", patched(record + 16, [0xFF, 0xFF, 0xFF, 0x7F])))
        cases.append(("central directory size past the end", patched(record + 12, [0xFF, 0xFF, 0xFF, 0x7F])))
        cases.append(("65,535 entries", patched(record + 8, [0xFF, 0xFF, 0xFF, 0xFF])))
        let directory =
            Int(bytes[record + 16]) | Int(bytes[record + 17]) << 8 | Int(bytes[record + 18]) << 16
            | Int(bytes[record + 19]) << 24
        cases.append(("a name longer than the directory", patched(directory + 28, [0xFF, 0xFF])))
        cases.append(("extra fields longer than the directory", patched(directory + 30, [0xFF, 0xFF])))
        cases.append(("a local header past the end", patched(directory + 42, [0xFF, 0xFF, 0xFF, 0x7F])))
        cases.append(("a compressed size past the end", patched(directory + 20, [0xFF, 0xFF, 0xFF, 0x7F])))
        cases.append(("a bomb: four gigabytes claimed", patched(directory + 24, [0xFE, 0xFF, 0xFF, 0xFF])))
        cases.append(("an unknown method", patched(directory + 10, [0x63, 0x00])))
        cases.append(("encrypted", patched(directory + 8, [0x01, 0x00])))
        cases.append(("the local header's name runs into the data", patched(30 - 4, [0xFF, 0xFF])))
        cases.append(("truncated by half", Array(bytes.prefix(bytes.count / 2))))
        for (name, damaged) in cases {
            if case .success = Self.read(damaged) {
                Issue.record("\(name): a damaged workbook was read as if it were whole")
            }
        }
    }

    @Test func randomDamage() {
        var random = SystemRandomNumberGenerator()
        var seed = random.next() as UInt64
        // A fixed-size sample of damage, from a seed printed so that a failure can be replayed.
        print("MalformedWorkbookTests seed \(seed)")
        func next() -> UInt64 {
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var refused = 0
        for _ in 0..<3_000 {
            var bytes = Self.workbook
            switch next() % 4 {
            case 0:
                // A few bytes anywhere.
                for _ in 0..<(1 + next() % 4) {
                    bytes[Int(next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: next())
                }
            case 1:
                // A byte of the central directory or the end record, where the sizes and offsets are.
                let tail = min(bytes.count, 400)
                bytes[bytes.count - 1 - Int(next() % UInt64(tail))] = UInt8(truncatingIfNeeded: next())
            case 2:
                bytes = Array(bytes.prefix(Int(next() % UInt64(bytes.count))))
            default:
                // A run of 0xFF: the largest sizes and offsets the fields can hold.
                let start = Int(next() % UInt64(bytes.count))
                for index in start..<min(bytes.count, start + 4) { bytes[index] = 0xFF }
            }
            if case .failure = Self.read(bytes) { refused += 1 }
        }
        #expect(refused > 0)
    }
}
