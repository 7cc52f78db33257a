import AccordCore
import AccordStatistics
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The statistics pages as people use them, on SQLite and PostgreSQL: the public reads the release with its
/// secrets withheld, and Mexico's delegation uploads the demo's workbook through the form, sees its preview
/// and warning, commits it, and the public sees it once the Secretariat publishes.
@Suite("Statistics pages")
struct StatisticsPageTests {
    /// The demo with its synthetic statistics, as `accord demo` loads it.
    static func withStatistics(_ backend: Backend, _ body: @escaping @Sendable (PageClient) async throws -> Void)
        async throws
    {
        try await withPages(backend) { pages in
            try await StatisticsService(store: pages.store).loadSyntheticDataSet(as: StatisticsService.demoSecretariat)
            try await body(pages)
        }
    }

    /// The text of a page's main element, without tags.
    static func main(_ html: String) -> String {
        let main = html.components(separatedBy: "<main").last?.components(separatedBy: "</main>").first ?? html
        return main.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test(
        "each language shows the flows, the release notes, a table and a chart, labelled synthetic",
        arguments: Backend.all)
    func pages(_ backend: Backend) async throws {
        try await Self.withStatistics(backend) { pages in
            for (language, label, notes) in [
                ("es", "DATOS SINTÉTICOS", "Primera publicación"), ("en", "SYNTHETIC DATA", "First release"),
                ("fr", "DONNÉES SYNTHÉTIQUES", "Première publication"),
            ] {
                let index = try await pages.get("/\(language)/statistics")
                #expect(index.status == 200)
                #expect(index.text.contains(label) && index.text.contains(notes), "\(language)")
                let flow = try await pages.get("/\(language)/statistics/DF_MIGR_RETURNS?view=series&event=RET_RECV")
                #expect(flow.status == 200)
                #expect(flow.text.contains(label))
                #expect(flow.text.contains("<svg") && flow.text.contains("<polyline"))
                #expect(flow.text.contains("<table class=\"figures\""))
                #expect(flow.text.contains("/api/v1/sdmx/data/DF_MIGR_RETURNS/M..RET_RECV"))
            }
            let matrix = try await pages.get("/en/statistics/DF_MIGR_RETURNS?view=matrix&event=RET_RECV")
            #expect(matrix.text.contains("<rect") && matrix.text.contains("GTM → MEX"))
            let bad = try await pages.get("/en/statistics/DF_MIGR_RETURNS?view=pie")
            #expect(bad.status == 400)
        }
    }

    @Test(
        "the public's page withholds the confidential month, and its CSV and SDMX links give the same",
        arguments: Backend.all)
    func withheld(_ backend: Backend) async throws {
        try await Self.withStatistics(backend) { pages in
            let query = "view=series&event=IRREG_DET&area=PAN&from=2025-01&to=2025-06"
            let page = try await pages.get("/en/statistics/DF_MIGR_IRREGULAR?\(query)")
            let text = Self.main(page.text)
            // The row of 2025-03 holds the mark, not a figure.
            let march = try #require(text.range(of: "2025-03"))
            let row = text[march.upperBound...].split(separator: "2025-04").first ?? ""
            #expect(row.trimmingCharacters(in: .whitespacesAndNewlines) == "w", "\(row)")
            let csv = try await pages.get("/en/statistics/DF_MIGR_IRREGULAR/table.csv?\(query)")
            #expect(csv.text.contains("2025-03,w,"))
            #expect(csv.text.split(separator: "\n").count == 7)
            // The Secretariat reads the figure itself.
            let committed = try await pages.get("/en/statistics/DF_MIGR_IRREGULAR?\(query)", as: .secretariat)
            let secret = Self.main(committed.text)
            let secretRow =
                secret[try #require(secret.range(of: "2025-03")).upperBound...].split(separator: "2025-04").first ?? ""
            #expect(
                Int(secretRow.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: ",", with: ""))
                    != nil)
        }
    }

    @Test(
        "Mexico uploads the demo workbook through the page, previews, commits; the Secretariat publishes",
        arguments: Backend.all)
    func uploadThroughThePage(_ backend: Backend) async throws {
        try await Self.withStatistics(backend) { pages in
            let form = try await pages.get("/es/statistics/upload", as: .delegateMEX)
            #expect(
                form.status == 200 && form.text.contains("multipart/form-data") && form.text.contains("devoluciones"))
            #expect(try await pages.get("/es/statistics/upload", as: .observer).status == 403)
            let session = try #require(pages.sessions[.delegateMEX])
            func upload(csrf: String) async throws -> PageClient.Answer {
                let boundary = "accord-test-boundary"
                var body: [UInt8] = []
                func field(_ name: String, _ value: String) {
                    body += Array(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
                }
                field("csrf", csrf)
                field("flow", "DF_MIGR_RETURNS")
                field("area", "MEX")
                field("format", "xlsx")
                field("mapping", "devoluciones")
                body += Array(
                    ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devoluciones.xlsx\"\r\n"
                        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                        .utf8)
                body += try SyntheticDataSet.mexicoWorkbook()
                body += Array("\r\n--\(boundary)--\r\n".utf8)
                let response = try await pages.client.execute(
                    uri: "/es/statistics/upload", method: .post,
                    headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                    body: ByteBuffer(bytes: body))
                return PageClient.Answer(
                    status: Int(response.status.code), text: String(buffer: response.body), headers: response.headers)
            }
            #expect(try await upload(csrf: "forged").status == 403)
            let staged = try await upload(csrf: session.csrf)
            #expect(staged.status == 303)
            let location = try #require(staged.headers[.location])
            #expect(location.hasPrefix("/es/statistics/uploads/"))
            // Canada's delegation cannot see Mexico's staged upload.
            #expect(try await pages.get(location, as: .delegateCAN).status == 404)
            let preview = try await pages.get(location, as: .delegateMEX)
            #expect(preview.status == 200)
            let text = Self.main(preview.text)
            #expect(text.contains("advertencia") && text.contains("sexTotal") && text.contains("SEX"))
            // The warning in the delegation's language, not the API's English.
            #expect(text.contains("desgloses por SEX suman") && !text.contains("breakdowns sum to"))
            #expect(text.contains("27 añadidas"))
            // The workbook adds a quarter: Mexico's earlier figures are kept, and the page says how to delete.
            #expect(text.contains("0 suprimidas") && !text.contains(" 0 conservadas"))
            #expect(text.contains("conservadas de la versión anterior"))
            #expect(text.contains("Este envío completa la versión anterior"))
            // The vintage once committed: the file's observations and the ones it keeps.
            func number(after term: String) -> Int? {
                let pattern = "<dt>\(term)</dt><dd>([0-9]+)</dd>"
                guard let range = preview.text.range(of: pattern, options: .regularExpression) else { return nil }
                return Int(preview.text[range].dropFirst(term.count + 13).prefix { $0.isNumber })
            }
            let kept = text.range(of: "[0-9]+ conservadas", options: .regularExpression).flatMap {
                Int(text[$0].prefix { $0.isNumber })
            }
            let file = try #require(number(after: "Observaciones"))
            let total = try #require(number(after: "Observaciones de la versión una vez entregada"))
            #expect(total == file + (try #require(kept)) && total > file)
            #expect(preview.text.contains("name=\"expect\" value=\"2\""))

            let committed = try await pages.call(.post, location + "/commit", as: .delegateMEX, form: ["expect": "2"])
            #expect(committed.status == 303)
            #expect(committed.headers[.location] == "/es/statistics?committed=DF_MIGR_RETURNS%2FMEX%2F2")
            // Not public until published: the public page of 2026 has no figures yet.
            let early = "/en/statistics/DF_MIGR_RETURNS?view=series&event=REMOVAL&from=2026-01&to=2026-03"
            #expect(Self.main(try await pages.get(early).text).contains("No observations"))
            let refused = try await pages.call(
                .post, "/en/statistics/releases", as: .delegateMEX, form: ["date": "2026-04-01"])
            #expect(refused.status == 403)
            let published = try await pages.call(
                .post, "/en/statistics/releases", as: .secretariat,
                form: ["date": "2026-04-01", "notes": "First quarter"])
            #expect(published.status == 303)
            let after = Self.main(try await pages.get(early).text)
            #expect(after.contains("2026-03") && !after.contains("No observations"))
            #expect(Self.main(try await pages.get("/en/statistics").text).contains("First quarter"))
        }
    }
}
