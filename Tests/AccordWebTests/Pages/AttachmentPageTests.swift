import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import AccordServices
@testable import AccordWeb

/// Documents as a record on the pages (issue 19 §2), in the three languages and without JavaScript: the
/// Secretariat attaches the meeting's conclusions through the meeting page's form, everyone reads the list with
/// its download link, and a delegation gets the form only on its own country's documents.
@Suite("Attachment pages")
struct AttachmentPageTests {
    static let pdf = Array("%PDF-1.4\nConclusiones de la V RCM\n%%EOF\n".utf8)

    /// Sends the attachment form as `role`, the file named `name` with `bytes`.
    static func attach(
        _ pages: PageClient, as role: Role, fields: [(String, String)], name: String, bytes: [UInt8],
        csrf: String? = nil
    ) async throws -> PageClient.Answer {
        let session = try #require(pages.sessions[role])
        let boundary = "accord-test-boundary"
        var body: [UInt8] = []
        for (name, value) in [("csrf", csrf ?? session.csrf)] + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        let response = try await pages.client.execute(
            uri: "/es/attachments", method: .post,
            headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(bytes: body))
        return PageClient.Answer(
            status: Int(response.status.code), text: String(buffer: response.body), headers: response.headers)
    }

    @Test("the Secretariat attaches from the meeting page; everyone reads the list", arguments: Backend.all)
    func meetingDocuments(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let form = try await pages.get("/en/meetings/RCM-V", as: .secretariat)
            #expect(form.text.contains("action=\"/en/attachments\"") && form.text.contains("multipart/form-data"))
            #expect(!(try await pages.get("/en/meetings/RCM-V")).text.contains("action=\"/en/attachments\""))
            #expect(!(try await pages.get("/en/meetings/RCM-V", as: .delegateMEX)).text.contains("/attachments\""))

            let head = try await pages.store.head()
            let fields = [("target", "meeting"), ("id", "RCM-V"), ("title", "Conclusiones"), ("language", "es")]
            let forged = try await Self.attach(
                pages, as: .secretariat, fields: fields, name: "acta.pdf", bytes: Self.pdf, csrf: "forged")
            #expect(forged.status == 403)
            let html = try await Self.attach(
                pages, as: .secretariat, fields: fields, name: "acta.pdf", bytes: Array("<html>x</html>".utf8))
            #expect(html.status == 415, "\(html.text.prefix(300))")
            #expect(try await pages.store.head() == head)

            let sent = try await Self.attach(pages, as: .secretariat, fields: fields, name: "acta.pdf", bytes: Self.pdf)
            #expect(sent.status == 303)
            #expect(sent.headers[.location] == "/es/meetings/RCM-V")
            let digest = HashChain.digest(of: Self.pdf)
            for (language, heading) in [("es", "Documentos"), ("en", "Documents"), ("fr", "Documents")] {
                let page = try await pages.get("/\(language)/meetings/RCM-V")
                #expect(page.text.contains(heading) && page.text.contains(digest), "\(language)")
                #expect(page.text.contains("href=\"/api/v1/attachments/1/content\""), "\(language)")
                #expect(page.text.contains("Conclusiones") && page.text.contains("ts.officer"), "\(language)")
            }
            let download = try await pages.get("/api/v1/attachments/1/content")
            #expect(download.status == 200 && download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        }
    }

    @Test("the form states the server's limit (--max-attachment-bytes) in the page's language, not a fixed 20 MB")
    func formStatesTheConfiguredLimit() async throws {
        try await withPages(maximumAttachmentBytes: 5 << 20) { pages in
            for (language, hint) in [
                ("es", "PDF, DOCX, XLSX, ODT, PNG, JPEG o texto; 5 MB como máximo."),
                ("en", "PDF, DOCX, XLSX, ODT, PNG, JPEG or text; 5 MB at most."),
                ("fr", "PDF, DOCX, XLSX, ODT, PNG, JPEG ou texte ; 5 Mo au maximum."),
            ] {
                let page = try await pages.get("/\(language)/meetings/RCM-V", as: .secretariat)
                #expect(page.status == 200 && page.text.contains(hint), "\(language)")
                #expect(!page.text.contains("20 MB") && !page.text.contains("20 Mo"), "\(language)")
            }
            // The server holds to the limit it states: a file one byte over it is refused.
            let over = try await Self.attach(
                pages, as: .secretariat, fields: [("target", "meeting"), ("id", "RCM-V")], name: "acta.pdf",
                bytes: Self.pdf + Array(repeating: 0x20, count: (5 << 20) + 1 - Self.pdf.count))
            #expect(over.status == 413, "\(over.text.prefix(300))")
        }
        // Limits that are not whole megabytes, each language with its decimal mark and units.
        #expect(AttachmentText.amount(2_621_440, .en) == "2.5 MB")
        #expect(AttachmentText.amount(2_621_440, .es) == "2,5 MB")
        #expect(AttachmentText.amount(2_621_440, .fr) == "2,5 Mo")
        #expect(AttachmentText.amount(500_000, .fr) == "488 Ko")
        #expect(AttachmentText.amount(20 << 20, .en) == "20 MB")
    }

    @Test("a delegation attaches to its own proposal from its page, and never to another country's")
    func delegationDocuments() async throws {
        try await withPages(.sqlite) { pages in
            let state = try await pages.store.currentState()
            let mexican = try #require(state.proposals.values.first { $0.submitter == "MEX" }).id.rawValue
            let page = try await pages.get("/en/proposals/\(mexican)", as: .delegateMEX)
            #expect(page.text.contains("action=\"/en/attachments\""))
            let canadian = try await pages.get("/en/proposals/\(mexican)", as: .delegateCAN)
            // Canada's delegation may attach to its own comment on Mexico's proposal, never to the proposal.
            #expect(!canadian.text.contains("value=\"proposal:\(mexican)\""))
            #expect(!canadian.text.contains("name=\"target\" value=\"proposal\""))

            let fields = [("target", "proposal"), ("id", mexican)]
            let refused = try await Self.attach(
                pages, as: .delegateCAN, fields: fields, name: "comentarios.pdf", bytes: Self.pdf)
            #expect(refused.status == 409, "\(refused.text.prefix(300))")
            let sent = try await Self.attach(
                pages, as: .delegateMEX, fields: fields, name: "propuesta.pdf", bytes: Self.pdf)
            #expect(sent.status == 303)
            #expect(sent.headers[.location] == "/es/proposals/\(mexican)")
            #expect(try await pages.store.currentState().attachments[1]?.attached?.by == "mex")
        }
    }
}
