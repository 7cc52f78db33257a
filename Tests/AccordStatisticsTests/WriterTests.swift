import AccordTestSupport
import Foundation
import Testing

@testable import AccordStatistics

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The writers: snapshots of a small data set, read back, streamed in chunks.
@Suite struct WriterTests {
    /// Four observations of Guatemala's returns: a confidential one, a missing one, a comment with a comma.
    static let small: ObservationTable = {
        let texts = ",\"SYNTHETIC, test\",\"a \"\"quoted\"\" <comment> & more\""
        let rows = [
            row(sex: "F", value: "4"), row(sex: "M", value: "6", confidentiality: "C"),
            row(sex: "_T", value: "10", confidentiality: "F"), row(period: "2024-02", value: "", status: "M"),
        ].map { $0 + texts }
        let report = Upload(structure: structure, flow: returns, reportingArea: "GTM").validate(
            sdmxCSV: file(rows, header: header + ",DATA_SOURCE,COMMENT_OBS"))
        precondition(report.canCommit, "\(report.problems.problems)")
        return report.table
    }()

    static let message = DataMessage(
        structure: structure, flow: returns, table: small, id: "ACCORD_TEST", prepared: "2026-11-24T10:00:00Z")

    @Test func sdmxCSVRoundTrips() throws {
        let text = try written(Self.message.writeSDMXCSV)
        try assertSnapshot(text, named: "returns-small.csv")
        let read = SDMXCSVReader(structure: structure, flow: returns, reportingArea: nil).read(Array(text.utf8))
        #expect(read.problems.problems.isEmpty)
        #expect(read.table.count == 4)
        // The same observations, in series order.
        let original = Set((0..<Self.small.count).map { Self.small[$0] })
        #expect(Set((0..<read.table.count).map { read.table[$0] }) == original)
    }

    @Test func sdmxJSONHasEveryObservationWithItsAttributes() throws {
        let text = try written(Self.message.writeSDMXJSON)
        try assertSnapshot(text, named: "returns-small.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let data = try #require(json["data"] as? [String: Any])
        let dataSets = try #require(data["dataSets"] as? [[String: Any]])
        let series = try #require(dataSets[0]["series"] as? [String: [String: Any]])
        let observations = series.values.flatMap { ($0["observations"] as? [String: [Any]] ?? [:]).values }
        #expect(observations.count == 4)
        let values = observations.compactMap { $0[0] as? Int }.sorted()
        #expect(values == [4, 6, 10])
    }

    @Test func genericDataHasOneSeriesPerKeyAndStreamsInChunks() throws {
        let text = try written(Self.message.writeGenericData)
        try assertSnapshot(text, named: "returns-small-generic.xml")
        #expect(text.components(separatedBy: "<generic:Series>").count - 1 == 3)
        #expect(text.components(separatedBy: "<generic:Obs>").count - 1 == 4)
        #expect(text.contains("a &quot;quoted&quot; &lt;comment&gt; &amp; more"))
        // A large message reaches the sink in many chunks, none much above 64 KB.
        var everything = ObservationTable()
        for vintage in SyntheticDataSet.vintages(structure) { everything.append(contentsOf: vintage.observations) }
        let large = DataMessage(
            structure: structure, flow: returns, table: everything, id: "LARGE", prepared: "2026-11-24T10:00:00Z")
        let sizes = Collected()
        var chunks: [Int] = []
        try large.writeGenericData { chunk in
            sizes.bytes.append(contentsOf: chunk)
            chunks.append(chunk.count)
        }
        #expect(chunks.count > 3)
        #expect(chunks.allSatisfy { $0 < (1 << 16) + 8_192 })
        #expect(try XMLDocumentCount(sizes.bytes).observations == large.table.count)
    }

    @Test func theStructureMessageListsTheStructureCodelistsAndDataflows() throws {
        let text = try written {
            try structure.writeStructureMessage(id: "ACCORD_STRUCTURE", prepared: "2026-11-24T10:00:00Z", to: $0)
        }
        try assertSnapshot(text, named: "structure.xml")
        #expect(text.contains("<structure:Codelist id=\"CL_OBS_STATUS\" agencyID=\"SDMX\" version=\"2.2\""))
        #expect(text.contains("<common:Name xml:lang=\"es\">México</common:Name>"))
        #expect(text.components(separatedBy: "<structure:Dataflow ").count - 1 == 3)
    }

    /// Writes the demo's outputs into `ACCORD_SDMX_OUTPUT` when it is set, for
    /// `scripts/conformance/check_sdmx.py` (the later part calls it from `scripts/check`).
    @Test func demoFilesForTheValidators() throws {
        guard let folder = ProcessInfo.processInfo.environment["ACCORD_SDMX_OUTPUT"] else { return }
        let directory = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cube = Cube(structure: structure, flow: returns, vintages: SyntheticDataSet.vintages(structure))
        let message = DataMessage(
            structure: structure, flow: returns, table: cube.publishedTable(), id: "ACCORD_DEMO",
            prepared: "2026-11-24T10:00:00Z")
        for (name, write) in [
            ("returns.csv", message.writeSDMXCSV), ("returns.json", message.writeSDMXJSON),
            ("returns.xml", message.writeGenericData),
            (
                "structure.xml",
                {
                    try structure.writeStructureMessage(
                        id: "ACCORD_STRUCTURE", prepared: "2026-11-24T10:00:00Z", to: $0)
                }
            ),
        ] as [(String, (@escaping ByteSink) throws -> Void)] {
            try Data(try written(write).utf8).write(to: directory.appendingPathComponent(name))
        }
    }
}

/// Counts the observations of a generic data message with Foundation's XML parser: a real parse, so a
/// document that is not well-formed fails.
struct XMLDocumentCount {
    var observations = 0

    init(_ bytes: [UInt8]) throws {
        let delegate = Counter()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        observations = delegate.count
    }

    private final class Counter: NSObject, XMLParserDelegate {
        var count = 0
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if elementName == "generic:Obs" || elementName == "Obs" { count += 1 }
        }
    }
}
