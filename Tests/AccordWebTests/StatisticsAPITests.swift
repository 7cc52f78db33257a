import AccordCore
import AccordStatistics
import AccordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The statistics over HTTP: the SDMX routes as a reader of each kind gets them, and a delegation's upload
/// from file to publication through the JSON API.
@Suite("Statistics API")
struct StatisticsAPITests {
    static let mexico = #"{"name":"mex.delegate","role":"delegate","participant":"MEX"}"#
    static let secretariat = #"{"name":"ts.officer","role":"secretariat"}"#

    /// The demo's record with the synthetic statistics published as release 1, and the Secretariat's account (so
    /// that the installation is out of its trial mode, where everyone reads as the Secretariat).
    static func withStatistics(_ body: @escaping @Sendable (APIClient, Store) async throws -> Void) async throws {
        try await withAPI(demo: true) { api, store in
            try await StatisticsService(store: store).loadSyntheticDataSet(as: StatisticsService.demoSecretariat)
            _ = try await api.token("ts.officer", role: "secretariat")
            try await body(api, store)
        }
    }

    @Test func theStructureIsServedAsSDMXML() async throws {
        try await Self.withStatistics { api, _ in
            let structure = try await api.get("/api/v1/sdmx/structure")
            #expect(structure.status == 200)
            #expect(structure.contentType == "application/vnd.sdmx.structure+xml;version=2.1")
            #expect(structure.text.contains("<structure:DataStructure id=\"DSD_MIGR_FLOW\""))
            #expect(try await api.get("/api/v1/sdmx/structure/dataflow/RCM/DF_MIGR_RETURNS/1.0").status == 200)
            #expect(try await api.get("/api/v1/sdmx/structure/codelist/RCM/CL_SEX/latest").status == 200)
            #expect(try await api.get("/api/v1/sdmx/structure/dataflow/RCM/DF_NOTHING/1.0").status == 404)
            #expect(try await api.get("/api/v1/sdmx/structure/widget/RCM/DF_MIGR_RETURNS/1.0").status == 400)
        }
    }

    @Test func dataAreSelectedByKeyAndPeriodInEachFormat() async throws {
        try await Self.withStatistics { api, _ in
            // SDMX-CSV: Mexico's and Guatemala's monthly figures for women, the first quarter of 2025.
            let csv = try await api.get(
                "/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX+GTM....F..?startPeriod=2025-01&endPeriod=2025-03&format=csv")
            #expect(csv.status == 200)
            #expect(csv.contentType == "application/vnd.sdmx.data+csv;version=2.0.0")
            let lines = csv.text.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
            #expect(lines.first?.prefix(3) == ["STRUCTURE", "STRUCTURE_ID", "ACTION"])
            let rows = lines.dropFirst()
            // Mexico removes to three states, Guatemala receives from Mexico: 4 series × 3 months.
            #expect(rows.count == 12)
            #expect(rows.allSatisfy { ["MEX", "GTM"].contains($0[4]) && $0[3] == "M" && $0[8] == "F" })
            #expect(rows.allSatisfy { ["2025-01", "2025-02", "2025-03"].contains($0[11]) })
            #expect(rows.allSatisfy { $0.joined(separator: ",").contains(SyntheticDataSet.source) })

            // The same as a flat SDMX-JSON message: every dimension at observation level.
            let json = try await api.get(
                "/api/v1/sdmx/data/RCM,DF_MIGR_RETURNS,1.0/M.MEX+GTM....F..?startPeriod=2025-01&endPeriod=2025-03"
                    + "&dimensionAtObservation=AllDimensions&format=json")
            let meta = try #require((json.json as? [String: Any])?["meta"] as? [String: Any])
            #expect(meta["test"] as? Bool == true, "synthetic data are marked as a test message")
            let data = try #require((json.json as? [String: Any])?["data"] as? [String: Any])
            let dataSet = try #require((data["dataSets"] as? [[String: Any]])?.first)
            #expect((dataSet["observations"] as? [String: Any])?.count == 12)
            #expect(dataSet["series"] == nil)

            // SDMX-ML generic data by the Accept header, series by series.
            let xml = try await api.call(
                .get, "/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX+GTM....F..?startPeriod=2025-01&endPeriod=2025-03",
                headers: [.accept: "application/vnd.sdmx.genericdata+xml;version=2.1"])
            #expect(xml.contentType == "application/vnd.sdmx.genericdata+xml;version=2.1")
            #expect(xml.text.contains("<message:Test>true</message:Test>"))
            #expect(xml.text.components(separatedBy: "<generic:Series>").count - 1 == 4)
            #expect(xml.text.components(separatedBy: "<generic:Obs>").count - 1 == 12)

            // A key that names no code, a period that is not one, a flow that does not exist.
            let badKey = try await api.get("/api/v1/sdmx/data/DF_MIGR_RETURNS/M.ZZZ......")
            #expect(badKey.status == 404 && badKey["field"] as? String == "key")
            #expect(badKey["detail"] as? String == "REF_AREA has no code 'ZZZ' in CL_REF_AREA", "\(badKey.text)")
            let shortKey = try await api.get("/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX")
            #expect(shortKey.status == 400 && shortKey["field"] as? String == "key")
            #expect(try await api.get("/api/v1/sdmx/data/DF_MIGR_RETURNS?startPeriod=spring").status == 400)
            #expect(try await api.get("/api/v1/sdmx/data/DF_NOTHING").status == 404)
            #expect(try await api.get("/api/v1/sdmx/data/DF_MIGR_RETURNS?dimensionAtObservation=SEX").status == 400)
        }
    }

    @Test func thePublicReadsTheReleaseWithItsSecretsWithheld() async throws {
        try await Self.withStatistics { api, _ in
            // Panama's Haitian irregular migrants of March 2025 are confidential.
            let key =
                "/api/v1/sdmx/data/DF_MIGR_IRREGULAR/M.PAN.IRREG_DET.HTI....?startPeriod=2025-03&endPeriod=2025-03&format=csv"
            let published = try await api.get(key)
            #expect(published.status == 200)
            #expect(published.text.split(separator: "\n").count == 1, "the withheld observation is left out")
            // Its neighbours are there, free for publication.
            let february = try await api.get(key.replacingOccurrences(of: "2025-03", with: "2025-02"))
            let row = try #require(february.text.split(separator: "\n").dropFirst().first)
            #expect(row.split(separator: ",", omittingEmptySubsequences: false)[14] == "F")
            // The committed figures are the Secretariat's, and the public may not ask for them.
            #expect(try await api.get(key + "&release=committed").status == 401)
            let committed = try await api.get(key, as: Self.secretariat)
            let secret = try #require(committed.text.split(separator: "\n").dropFirst().first)
            #expect(secret.split(separator: ",", omittingEmptySubsequences: false)[12] != "")
        }
    }

    @Test func aDelegationUploadsThroughTheAPIAndTheSecretariatPublishes() async throws {
        try await Self.withStatistics { api, _ in
            // Mexico saves how its spreadsheet is read, then sends the workbook itself as the body.
            let mapping = String(decoding: try JSONEncoder().encode(SyntheticDataSet.mexicoMapping), as: UTF8.self)
            let token = try await api.token("mex.delegate", role: "delegate", participant: "MEX")
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            let saved = try await api.call(
                .put, "/api/v1/statistics/mappings/MEX/devoluciones", mapping, headers: bearer)
            #expect(saved.status == 204)
            #expect(
                try await api.call(.put, "/api/v1/statistics/mappings/GTM/devoluciones", mapping, headers: bearer)
                    .status
                    == 403)
            let response = try await api.client.execute(
                uri:
                    "/api/v1/statistics/uploads?flow=DF_MIGR_RETURNS&format=xlsx&name=devoluciones.xlsx&mapping=devoluciones",
                method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"],
                body: ByteBuffer(bytes: try SyntheticDataSet.mexicoWorkbook()))
            #expect(response.status == .created)
            let preview = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(preview["canCommit"] as? Bool == true)
            #expect(preview["vintage"] as? Int == 2)
            // The workbook adds to vintage 1: the vintage holds the file's observations and the ones it keeps,
            // the total the CLI prints and the committed vintage records.
            let file = try #require(preview["observations"] as? Int)
            let kept = try #require((preview["changes"] as? [String: Any])?["kept"] as? Int)
            let total = try #require(preview["vintageObservations"] as? Int)
            #expect(kept > 0 && total == file + kept)
            let problems = try #require(preview["problems"] as? [[String: Any]])
            #expect(problems.contains { $0["rule"] as? String == "sexTotal" && $0["severity"] as? String == "warning" })
            let id = try #require(preview["id"] as? String)
            let again = try await api.get("/api/v1/statistics/uploads/\(id)", as: Self.mexico)
            #expect(again.status == 200)
            #expect(again["vintageObservations"] as? Int == total)
            let committed = try await api.call(
                .post, "/api/v1/statistics/uploads/\(id)/commit?expect=2", headers: bearer)
            #expect(committed.status == 201)
            #expect(committed["kind"] as? String == "commit-vintage")
            // The commit's entry records the same total.
            #expect(
                committed["entry.change.vintage.data.observations"] as? Int == total, "\(committed.text.prefix(800))")

            // Not public until the Secretariat publishes.
            let key = "/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX......?startPeriod=2026-01&format=csv"
            let before = try await api.get(key)
            #expect(before.status == 200 && before.text.split(separator: "\n").count == 1)
            #expect(
                try await api.post("/api/v1/statistics/releases", #"{"date":"2026-04-01","actor":\#(Self.mexico)}"#)
                    .status == 403)
            let release = try await api.post(
                "/api/v1/statistics/releases",
                #"{"date":"2026-04-01","notes":{"authoritative":"en","en":"Mexico's first quarter"},"actor":\#(Self.secretariat)}"#
            )
            #expect(release.status == 201)
            let after = try await api.get(key)
            #expect(after.text.split(separator: "\n").count == 28, "\(after.text.prefix(600))")
            let releases = try #require(try await api.get("/api/v1/statistics/releases").json as? [[String: Any]])
            #expect(releases.map { $0["number"] as? Int } == [2, 1])
            let vintages = try #require(try await api.get("/api/v1/statistics/vintages").json as? [[String: Any]])
            let vintage = try #require(vintages.first { $0["id"] as? String == "DF_MIGR_RETURNS/MEX/2" })
            #expect((vintage["data"] as? [String: Any])?["observations"] as? Int == total)
        }
    }
}
