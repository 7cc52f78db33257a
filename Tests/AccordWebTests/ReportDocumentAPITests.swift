import AccordCore
import AccordServices
import AccordStore
import AccordTestSupport
import Foundation
import Testing

/// Report documents and the cycle's compilation through the API, on both databases: each format answers with
/// its type, the public reads only published reports, and the compilation opens in LibreOffice.
@Suite("API: report documents and the compilation")
struct ReportDocumentAPITests {
    static let cycle = FollowUpAPITests.cycle
    static let mandate = FollowUpAPITests.mandate

    @Test(
        "a report as DOCX, HTML, Markdown and PDF; a draft is not the public's; bad parameters name themselves",
        arguments: Backend.all)
    func reportDocuments(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, _ in
            let canada = "/api/v1/exports/report/\(Self.cycle)/\(Self.mandate)/CAN"
            let docx = try await api.get(canada + "?lang=fr")
            #expect(docx.status == 200 && docx.bytes.starts(with: Array("PK".utf8)))
            #expect(docx.contentType == Exports.docxType)
            let markdown = try await api.get(canada + "?format=md&lang=fr").text
            #expect(markdown.hasPrefix("# Rapport national : Canada") && markdown.contains("Événements cités"))
            #expect(try await api.get(canada + "?format=html&lang=es").text.contains("Lo que hizo el país"))
            #expect(try await api.get(canada + "?format=odt")["field"] as? String == "format")
            #expect(try await api.get(canada + "?lang=de")["field"] as? String == "lang")

            // Mexico's draft: the Secretariat downloads it, the public is told no such report is filed.
            let filed = try await api.post(
                "/api/v1/reports", FollowUpAPITests.filing("MEX", by: FollowUpAPITests.delegate("MEX")))
            #expect(filed.status == 201, "\(filed.text)")
            let mexico = "/api/v1/exports/report/\(Self.cycle)/\(Self.mandate)/MEX?format=md"
            #expect(try await api.get(mexico, as: Bodies.secretariat).text.contains("Ateliers de formation"))
            let outside = try await api.get(mexico)
            #expect(outside.status == 404 && outside["field"] as? String == "report")

            // The compilation: Mexico's draft is the working side's, not the public's.
            let path = "/api/v1/exports/compilation/\(Self.cycle)?lang=en"
            let inside = try await api.get(path, as: Bodies.secretariat)
            let publicCopy = try await api.get(path)
            #expect(inside.status == 200 && publicCopy.status == 200)
            #expect(inside.bytes.count > publicCopy.bytes.count)
            #expect(try await api.get("/api/v1/exports/compilation/NO-SUCH-CYCLE")["field"] as? String == "cycle")

            if PDFConversion.converter != nil {
                let pdf = try await api.get(canada + "?format=pdf&lang=fr")
                #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
                // The compilation opens in LibreOffice: converted headless, it is a PDF.
                let converted = try await PDFConversion.pdf(fromDOCX: Data(inside.bytes))
                #expect(converted.starts(with: Array("%PDF".utf8)))
            }
        }
    }

    @Test(
        "a delegate's feed token reads that account's feed (its working side) and nothing else; the Secretariat issues and revokes it",
        arguments: Backend.all)
    func feedToken(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, _ in
            let mexico = FollowUpAPITests.delegate("MEX")
            let filed = try await api.post("/api/v1/reports", FollowUpAPITests.filing("MEX", by: mexico))
            #expect(filed.status == 201, "\(filed.text)")
            #expect(!(try await api.get("/api/v1/feed").text.contains("/MEX/")), "the public's feed holds no draft")

            let path = "/api/v1/feed-tokens/delegate.mex"
            let byDelegate = try await api.post(path, #"{"actor":\#(mexico)}"#)
            #expect(byDelegate.status == 403, "only the Secretariat issues feed tokens")
            let issued = try await api.post(path, #"{"actor":\#(Bodies.secretariat)}"#)
            #expect(issued.status == 201, "\(issued.text)")
            let token = try #require(issued["token"] as? String)
            #expect(token.hasPrefix("feed_") && issued["feed"] as? String == "/api/v1/feed?token=\(token)")

            let feed = try await api.get("/api/v1/feed?lang=fr&token=\(token)")
            #expect(feed.status == 200 && feed.contentType?.hasPrefix("application/atom+xml") == true)
            #expect(feed.text.contains("SANTIAGO-1998-MW-IACHR/MEX/"), "the delegate's feed shows its country's draft")
            // The token reads the feed only: as a bearer token it opens nothing.
            let bearer = try await api.call(.get, "/api/v1/reports", headers: [.authorization: "Bearer \(token)"])
            #expect(bearer.status == 401)
            #expect(try await api.get("/api/v1/feed?token=feed_forged").status == 401)

            let revoked = try await api.call(.delete, path, #"{"actor":\#(Bodies.secretariat)}"#)
            #expect(revoked.status == 204)
            #expect(try await api.get("/api/v1/feed?token=\(token)").status == 401, "a revoked token reads nothing")
            #expect(try await api.call(.delete, path, #"{"actor":\#(Bodies.secretariat)}"#).status == 404)
        }
    }
}
