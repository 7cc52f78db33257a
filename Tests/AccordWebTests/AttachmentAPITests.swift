import AccordCore
import AccordDemo
import AccordStatistics
import AccordStore
import AccordTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccordDocuments
@testable import AccordServices
@testable import AccordWeb

/// Documents as a record over HTTP (issue 19 §2): a file attached, its digest in the ledger, the same bytes
/// downloaded with headers that keep a browser from rendering it; and every attack the issue names refused with
/// a problem naming the field, nothing stored.
@Suite("Attachments API")
struct AttachmentAPITests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// A POST of `bytes` as the body, with `type` as its Content-Type, as `token`'s account (anonymously without).
    static func send(
        _ api: APIClient, _ query: String, _ bytes: [UInt8], type: String, token: String?
    ) async throws -> (status: Int, json: [String: Any]?) {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await api.client.execute(
            uri: "/api/v1/attachments?\(query)", method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
        let json = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        if response.status.code >= 400 {
            #expect(response.headers[.contentType] == "application/problem+json")
        }
        return (Int(response.status.code), json)
    }

    @Test(
        "an attached file's digest is in its ledger entry, and it downloads as the same bytes", arguments: Backend.all)
    func attachAndDownload(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, store in
            let ts = try await api.token("ts.officer", role: "secretariat")
            let meeting = try #require(try await store.currentState().meetings.keys.min())
            let sent = try await Self.send(
                api, "target=meeting&id=\(meeting.rawValue)&name=conclusiones.pdf&title=Conclusiones&language=es",
                Self.pdf, type: "application/pdf", token: ts)
            #expect(sent.status == 201, "\(sent)")
            let digest = HashChain.digest(of: Self.pdf)
            #expect(sent.json?["sha256"] as? String == digest)
            #expect(sent.json?["mediaType"] as? String == "application/pdf")
            let number = try #require(sent.json?["number"] as? Int)
            let sequence = try #require(sent.json?["sequence"] as? Int)

            // The entry that attached it carries the digest, so the hash chain covers the bytes.
            let entry = try #require(try await store.entry(Int64(sequence)))
            #expect(entry.kind == "attach-file")
            #expect(entry.entry.contains(digest))

            // Read by anyone who reads the meeting: the public included.
            let download = try await api.client.execute(
                uri: "/api/v1/attachments/\(number)/content", method: .get, headers: [:], body: nil)
            #expect(download.status == .ok)
            #expect(Array(buffer: download.body) == Self.pdf)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(
                download.headers[.contentDisposition]
                    == "attachment; filename=\"conclusiones.pdf\"; filename*=UTF-8''conclusiones.pdf")
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            #expect(download.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)

            let listed = try await api.get("/api/v1/attachments?target=meeting&id=\(meeting.rawValue)")
            #expect((listed.json as? [[String: Any]])?.map { $0["number"] as? Int } == [number])
            #expect(try await api.get("/api/v1/attachments/\(number)")["name"] as? String == "conclusiones.pdf")
            #expect(try await store.verify().isValid)
        }
    }

    @Test("files that are not what they say, too large, or aimed elsewhere are refused; nothing is stored")
    func attacksAreRefused() async throws {
        try await withAPI(demo: true) { api, store in
            let ts = try await api.token("ts.officer", role: "secretariat")
            let gtm = try await api.token("gtm.delegate", role: "delegate", participant: "GTM")
            let state = try await store.currentState()
            let meeting = try #require(state.meetings.keys.min()).rawValue
            let report = Demo.canadaReport.reportID.rawValue
            let before = try await store.head().sequence

            func refused(
                _ query: String, _ bytes: [UInt8], type: String, token: String?, status: Int, field: String?,
                _ comment: Testing.Comment
            ) async throws {
                let answer = try await Self.send(api, query, bytes, type: type, token: token)
                #expect(answer.status == status, comment)
                #expect(answer.json?["field"] as? String == field, comment)
                #expect(try await store.storedFile(HashChain.digest(of: bytes)) == nil, comment)
                #expect(try await store.head().sequence == before, comment)
            }
            let html = Array("<html><body><script>alert(document.cookie)</script></body></html>".utf8)
            try await refused(
                "target=meeting&id=\(meeting)&name=acta.pdf", html, type: "application/pdf", token: ts, status: 415,
                field: "file", "HTML named and declared as a PDF")
            try await refused(
                "target=meeting&id=\(meeting)&name=acta.txt", Array("  <svg onload=alert(1)>".utf8),
                type: "text/plain", token: ts, status: 415, field: "file", "SVG sent as text")
            let zip = Array(try ZipPackage.make([(path: "payload.exe", bytes: Array("MZ".utf8))]))
            try await refused(
                "target=meeting&id=\(meeting)&name=acta.docx", zip,
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", token: ts,
                status: 415, field: "file", "a ZIP that is not a DOCX")
            try await refused(
                "target=meeting&id=\(meeting)&name=acta.docx", Self.pdf, type: "application/octet-stream", token: ts,
                status: 415, field: "file", "a PDF named as a DOCX")
            try await refused(
                "target=meeting&id=\(meeting)&name=big.pdf",
                Self.pdf + [UInt8](repeating: 0x20, count: AttachmentService.defaultMaximumBytes),
                type: "application/pdf",
                token: ts, status: 413, field: "file", "larger than the limit")
            try await refused(
                "target=meeting&id=NO-SUCH-MEETING&name=acta.pdf", Self.pdf, type: "application/pdf", token: ts,
                status: 404, field: "target", "an unknown target")
            try await refused(
                "target=report&id=\(report)&name=informe.pdf", Self.pdf, type: "application/pdf", token: gtm,
                status: 409, field: "attachment.target", "a delegate attaching to another country's report")
            try await refused(
                "target=meeting&id=\(meeting)&name=acta.pdf", Self.pdf, type: "application/pdf", token: gtm,
                status: 409, field: "actor.role", "a delegate attaching to a meeting")
            try await refused(
                "target=meeting&id=\(meeting)&name=acta.pdf", Self.pdf, type: "application/pdf", token: nil,
                status: 401, field: nil, "nobody signed in")
        }
    }

    @Test("a file's name loses its folders, quotes and line breaks before it reaches a header")
    func namesAreSanitised() async throws {
        try await withAPI(demo: true) { api, store in
            let ts = try await api.token("ts.officer", role: "secretariat")
            let meeting = try #require(try await store.currentState().meetings.keys.min()).rawValue
            let name = "../../etc/pass\"wd\r\nSet-Cookie: x=1.txt"
            let encoded = try #require(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let sent = try await Self.send(
                api, "target=meeting&id=\(meeting)&name=\(encoded)", Array("Acta de la reunión\n".utf8),
                type: "text/plain; charset=utf-8", token: ts)
            #expect(sent.status == 201, "\(sent)")
            #expect(sent.json?["name"] as? String == "passwdSet-Cookie: x=1.txt")
            let number = try #require(sent.json?["number"] as? Int)
            let download = try await api.client.execute(
                uri: "/api/v1/attachments/\(number)/content", method: .get, headers: [:], body: nil)
            let disposition = try #require(download.headers[.contentDisposition])
            #expect(!disposition.contains("\r") && !disposition.contains("\n") && !disposition.contains(".."))
            #expect(disposition.hasPrefix("attachment; filename=\"passwdSet-Cookie: x=1.txt\"; filename*=UTF-8''"))
            #expect(download.headers[.setCookie] == nil)
            #expect(download.headers[.contentType] == "text/plain")
        }
    }

    @Test("an attachment on an unpublished report is as absent to the public as the report", arguments: Backend.all)
    func unpublishedReportsKeepTheirFiles(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, store in
            let ts = try await api.token("ts.officer", role: "secretariat")
            let mex = try await api.token("mex.delegate", role: "delegate", participant: "MEX")
            // Mexico's own draft report on the demo's cycle and mandate, which only the working side reads.
            var filing = Demo.canadaReport
            filing.participant = "MEX"
            filing.language = .es
            filing.sections = ReportSections(actions: .es("Acciones de México"))
            filing.events = []
            filing.status = .draft
            try await store.append(
                .fileReport(filing), by: Actor(name: "mex.delegate", role: .delegate, participant: "MEX"),
                authority: .participant("MEX"))
            let report = filing.reportID.rawValue
            let sent = try await Self.send(
                api, "target=report&id=\(report)&name=anexo.pdf", Self.pdf, type: "application/pdf", token: mex)
            #expect(sent.status == 201, "\(sent)")
            let number = try #require(sent.json?["number"] as? Int)

            for path in ["/api/v1/attachments/\(number)", "/api/v1/attachments/\(number)/content"] {
                #expect(try await api.get(path).status == 404, "\(path) for the public")
                #expect(try await api.call(.get, path, headers: [.authorization: "Bearer \(ts)"]).status == 200)
            }
            #expect(try await api.get("/api/v1/attachments?target=report&id=\(report)").status == 404)
            #expect(((try await api.get("/api/v1/attachments")).json as? [Any])?.isEmpty == true)
        }
    }
}
