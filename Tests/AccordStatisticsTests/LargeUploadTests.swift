import Testing

@testable import AccordStatistics

/// A large upload is read in parts at once (one per processor); what it reads must not depend on that:
/// the same observations in the same order, the same problems on the same file rows.
@Suite struct LargeUploadTests {
    /// About 2.6 MB of rows with distinct keys: citizenship × month.
    static let rows: [String] = {
        let citizens = structure.codelist(.citizenship).codes.map(\.id).filter { $0.count == 3 }
        var rows: [String] = []
        for citizen in citizens.prefix(80) {
            for year in 2000..<2030 {
                for month in 1...12 {
                    rows.append(row(citizenship: citizen, period: "\(year)-\(month < 10 ? "0" : "")\(month)"))
                }
            }
        }
        return rows
    }()

    let reader = SDMXCSVReader(structure: structure, flow: returns, reportingArea: "GTM")

    @Test func partsStartOnLinesAndCoverTheFile() {
        let bytes = file(Self.rows)
        let start = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let parts = SDMXCSVReader.parts(of: bytes, from: start, count: 3)
        #expect(parts.count == 2)  // at least a megabyte each
        #expect(parts.first?.lowerBound == start)
        #expect(parts.last?.upperBound == bytes.count)
        for (before, after) in zip(parts, parts.dropFirst()) {
            #expect(before.upperBound == after.lowerBound)
            #expect(bytes[after.lowerBound - 1] == UInt8(ascii: "\n"))
        }
        #expect(SDMXCSVReader.parts(of: bytes, from: start, count: 1) == [start..<bytes.count])
    }

    @Test func readingInPartsReadsWhatReadingWholeReads() {
        var rows = Self.rows
        // Problems early, in the middle, and on the last row, each named by its file row.
        for index in [5, rows.count / 2, rows.count / 2 + 1, rows.count - 1] {
            rows[index] = rows[index].replacingOccurrences(of: ",RET_RECV,", with: ",ENTRY,")
        }
        let bytes = file(rows)
        let whole = reader.read(bytes, processors: 1)
        let parts = reader.read(bytes, processors: 2)
        #expect(parts.table.count == rows.count - 4)
        #expect(parts.rows == whole.rows)
        #expect(parts.table.values == whole.table.values)
        #expect(parts.table.periods == whole.table.periods)
        #expect(parts.table.codes == whole.table.codes)
        #expect(parts.problems.problems.map(\.row) == [7, rows.count / 2 + 2, rows.count / 2 + 3, rows.count + 1])
        #expect(parts.problems.problems.map(\.row) == whole.problems.problems.map(\.row))
    }

    @Test func whetherAFileReplacesTheVintageIsReadAcrossParts() {
        let replacing = Self.rows.map { $0.replacingOccurrences(of: ",I,", with: ",R,") }
        for processors in [1, 2] {
            let read = reader.read(file(replacing), processors: processors)
            #expect(read.replacesVintage)
            #expect(!read.problems.hasErrors)
        }
        // Rows that add first, then rows that replace from the second part on: refused at the first R row.
        var addingThenReplacing = Self.rows
        let replaceFrom = Self.rows.count * 3 / 4
        for index in replaceFrom..<addingThenReplacing.count { addingThenReplacing[index] = replacing[index] }
        for processors in [1, 2] {
            let read = reader.read(file(addingThenReplacing), processors: processors)
            #expect(read.problems.errors.map(\.row) == [replaceFrom + 2])
            #expect(read.problems.errors.first?.code == "R")
        }
        // One row of the second part adds rather than replaces: the file is refused there, however it is read.
        var mixed = replacing
        let late = mixed.count * 3 / 4
        mixed[late] = Self.rows[late]
        for processors in [1, 2] {
            let read = reader.read(file(mixed), processors: processors)
            #expect(!read.replacesVintage)
            #expect(read.problems.errors.map(\.row) == [late + 2])
            #expect(read.problems.errors.first?.message.contains("row 2 says R and row \(late + 2) does not") == true)
        }
    }

    @Test func aQuotedLineBreakAcrossTheSplitIsReadWhole() throws {
        var rows = Self.rows
        // A long quoted comment of many lines, some looking like rows, across the place where the file is
        // split: a part starting inside it would read them as rows.
        let middle = rows.count / 2
        let comment = (0..<4_000).map { "dataflow,RCM:DF_MIGR_RETURNS(1.0),I,M,GTM,line \($0)" }.joined(separator: "\n")
        rows = rows.enumerated().map { $0.offset == middle ? $0.element + ",\"\(comment)\"" : $0.element + "," }
        let bytes = file(rows, header: header + ",COMMENT_OBS")
        let quote = try #require(bytes.firstIndex(of: UInt8(ascii: "\"")))
        let split = SDMXCSVReader.parts(of: bytes, from: 0, count: 2)[1].lowerBound
        #expect(quote < split && split < quote + comment.utf8.count)
        let whole = reader.read(bytes, processors: 1)
        let parts = reader.read(bytes, processors: 2)
        #expect(whole.problems.problems.isEmpty)
        #expect(parts.problems.problems.isEmpty)
        #expect(parts.table.count == rows.count)
        #expect(parts.rows == whole.rows)
        #expect(parts.table.texts.contains(comment))
    }

    @Test func problemsOfEveryPartAreCountedAndTheFirstThousandKept() {
        let rows = Self.rows.enumerated().map { index, row in
            index % 10 == 0 ? row.replacingOccurrences(of: ",RET_RECV,", with: ",ENTRY,") : row
        }
        let read = reader.read(file(rows), processors: 2)
        let bad = (rows.count + 9) / 10
        #expect(read.problems.counts[.codelist] == bad)
        #expect(read.problems.errorCount == bad)
        #expect(read.problems.problems.count == ProblemList.limit)
        #expect(read.problems.problems.map(\.row) == (0..<ProblemList.limit).map { $0 * 10 + 2 })
    }
}
