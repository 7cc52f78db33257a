import Foundation
import Testing

@testable import AccordWeb

/// The points a plan is compared or shown at, as the API and the pages read them: a value that names no point is
/// the client's malformed request (400); a well-formed point the record does not have — an edition not published,
/// a ledger position not reached, a meeting not recorded — is refused as an unknown reference (422), naming the
/// parameter, as `GET /api/v1/plan` does. Found by schemathesis, which read the 400 as a well-formed request
/// refused as malformed.
@Suite struct PlanPointRefusalTests {
    @Test func theAPIComparisonRefusesAnUnpublishedEditionAsUnprocessable() async throws {
        try await withAPI(demo: true) { api, _ in
            let edition = try await api.get("/api/v1/compare?from=99")
            #expect(edition.status == 422, "\(edition.text)")
            #expect(edition["field"] as? String == "from")
            #expect((edition["detail"] as? String)?.contains("edition 99 is not published") == true, "\(edition.text)")
            let position = try await api.get("/api/v1/compare?to=@100000")
            #expect(position.status == 422, "\(position.text)")
            #expect(position["field"] as? String == "to")
            let malformed = try await api.get("/api/v1/compare?from=seven")
            #expect(malformed.status == 400)
            #expect(malformed["field"] as? String == "from")
            #expect(try await api.get("/api/v1/compare?from=@1&to=now").status == 200)
        }
    }

    @Test func thePagesRefuseAnUnknownPointAsUnprocessable() async throws {
        try await withPages { pages in
            for uri in ["/en/compare?from=edition:99&to=", "/en/plan?at=edition:99", "/en/plan?at=meeting:RCM-XL"] {
                let page = try await pages.get(uri, as: .secretariat)
                #expect(page.status == 422, "\(uri): \(page.status)")
                #expect(page.text.contains("<h1>"), "\(uri)")
            }
            #expect(try await pages.get("/en/compare?from=edition:first&to=", as: .secretariat).status == 400)
            #expect(try await pages.get("/en/compare?from=meeting:RCM-V&to=", as: .secretariat).status == 200)
        }
    }
}
