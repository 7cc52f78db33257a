import AccordCore
import AccordStatistics
import AccordStore
import Foundation
import Hummingbird
import Testing

@testable import AccordServices

/// The statistics routes in the seed scenario, so that each is called and its answers are held to the OpenAPI
/// document (`StatisticsAPITests` tests them in depth, on the demo's synthetic data): Mexico uploads its
/// spreadsheet with its saved mapping, a second upload is discarded, the first committed; the Secretariat adds a
/// border point and publishes release 1, which the public then reads.
enum StatisticsAPIScenario {
    static let mexico = #"{"name":"mex.statistics","role":"delegate","participant":"MEX"}"#

    static func run(_ api: APIClient, _ store: Store) async throws {
        let structure = try await api.get("/api/v1/sdmx/structure")
        #expect(structure.status == 200 && structure.text.contains("DSD_MIGR_FLOW"))
        let codelist = try await api.get("/api/v1/sdmx/structure/codelist/RCM/CL_SEX/latest")
        #expect(codelist.status == 200 && codelist.text.contains("CL_SEX"))
        let token = try await api.token("mex.statistics", role: "delegate", participant: "MEX")
        let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
        let mapping = String(decoding: try JSONEncoder().encode(SyntheticDataSet.mexicoMapping), as: UTF8.self)
        #expect(
            try await api.call(.put, "/api/v1/statistics/mappings/MEX/devoluciones", mapping, headers: bearer).status
                == 204)
        // The Secretariat saves mappings for any member state, never for a code no state reports as.
        let secretariat = try await api.token("ana.ts", role: "secretariat")
        let stray = try await api.call(
            .put, "/api/v1/statistics/mappings/ZZZ/devoluciones", mapping,
            headers: [.authorization: "Bearer \(secretariat)"])
        #expect(stray.status == 404 && stray["field"] as? String == "area", "\(stray.text)")
        let noRow = mapping.replacingOccurrences(of: #""headerRow":1"#, with: #""headerRow":0"#)
        #expect(noRow != mapping)
        let refused = try await api.call(.put, "/api/v1/statistics/mappings/MEX/devoluciones", noRow, headers: bearer)
        #expect(refused.status == 422 && refused["field"] as? String == "headerRow", "\(refused.text)")
        let saved = try await api.call(.get, "/api/v1/statistics/mappings/MEX", headers: bearer)
        #expect((saved.json as? [String: Any])?.keys.contains("devoluciones") == true)

        let file = String(decoding: SyntheticDataSet.mexicoSpreadsheet(), as: UTF8.self)
        let uri =
            "/api/v1/statistics/uploads?flow=DF_MIGR_RETURNS&format=csv&name=devoluciones.csv&mapping=devoluciones"
        let discarded = try #require(try await api.call(.post, uri, file, headers: bearer)["id"] as? String)
        #expect(
            try await api.call(.delete, "/api/v1/statistics/uploads/\(discarded)", headers: bearer).status == 204)
        let staged = try await api.call(.post, uri, file, headers: bearer)
        #expect(staged.status == 201, "\(staged.text.prefix(500))")
        let id = try #require(staged["id"] as? String)
        #expect(try await api.get("/api/v1/statistics/uploads/\(id)", as: mexico)["canCommit"] as? Bool == true)
        let committed = try await api.call(.post, "/api/v1/statistics/uploads/\(id)/commit?expect=1", headers: bearer)
        #expect(committed["kind"] as? String == "commit-vintage", "\(committed.text)")

        let code = try await api.post(
            "/api/v1/statistics/codes",
            #"{"authority":{"editorial":"a border point Guatemala reports"},"code":{"codelist":"CL_BORDER_POINT","code":"GTM_OCOS","names":{"authoritative":"es","es":"Ocós"}},"actor":\#(Bodies.secretariat)}"#
        )
        #expect(code.status == 201, "\(code.text)")
        let release = try await api.post(
            "/api/v1/statistics/releases", #"{"date":"2026-04-01","actor":\#(Bodies.secretariat)}"#)
        #expect(release.status == 201, "\(release.text)")
        let releases = try #require(try await api.get("/api/v1/statistics/releases").json as? [[String: Any]])
        #expect(releases.map { $0["number"] as? Int } == [1])
        let vintages = try #require(try await api.get("/api/v1/statistics/vintages").json as? [[String: Any]])
        #expect(vintages.contains { $0["id"] as? String == "DF_MIGR_RETURNS/MEX/1" })
        let flow = try await api.get("/api/v1/sdmx/data/DF_MIGR_RETURNS?startPeriod=2026-01&format=csv")
        #expect(flow.status == 200 && flow.text.hasPrefix("STRUCTURE,"), "\(flow.text.prefix(300))")
        let keyed = try await api.get("/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX......?startPeriod=2026-01&format=csv")
        let rows = keyed.text.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",MEX,") }, "\(keyed.text.prefix(300))")

    }
}
