import AccordStatistics
import Foundation
import Testing
import ZIPFoundation

@testable import AccordServices

/// A file's type is read from its bytes (issue 19 §2): documents and images are recognised, and anything a
/// browser could run — HTML, SVG, scripts — or that is not a document is refused, whatever it is called.
@Suite("File types by content")
struct FileTypeTests {
    /// A ZIP of `parts`, as an office suite writes one.
    static func zip(_ parts: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return Array(try #require(archive.data))
    }

    static let docxTypes = """
        <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    @Test("documents and images are known by their bytes")
    func recognised() throws {
        #expect(try FileType.sniff(Array("%PDF-1.7\n".utf8)) == "application/pdf")
        #expect(try FileType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == "image/png")
        #expect(try FileType.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0]) == "image/jpeg")
        #expect(try FileType.sniff(Array("Comentarios de Canadá\r\n\tpárrafo 3\n".utf8)) == "text/plain")
        let docx = try Self.zip([("[Content_Types].xml", Self.docxTypes), ("word/document.xml", "<w:document/>")])
        #expect(try FileType.sniff(docx) == FileType.docx)
        let odt = try Self.zip([("mimetype", FileType.odt), ("content.xml", "<office:document-content/>")])
        #expect(try FileType.sniff(odt) == FileType.odt)
        #expect(try FileType.sniff(Array(try SyntheticDataSet.mexicoWorkbook())) == FileType.xlsx)
    }

    @Test(
        "markup, scripts, programs and archives that are not documents are refused",
        arguments: [
            "<!DOCTYPE html><html><body>hola</body></html>", "\u{FEFF}  <html>",
            "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "<?xml version='1.0'?><x/>", "#!/bin/sh\nrm -rf /\n", "texto y luego <script>alert(1)</script>",
        ])
    func markupIsRefused(_ text: String) {
        #expect(throws: AttachmentError.self) { try FileType.sniff(Array(text.utf8)) }
    }

    @Test("binary files of other kinds are refused")
    func othersAreRefused() throws {
        #expect(throws: AttachmentError.self) { try FileType.sniff([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]) }
        #expect(throws: AttachmentError.self) { try FileType.sniff(Array("MZ\u{90}\u{0}".utf8)) }
        #expect(throws: AttachmentError.self) { try FileType.sniff([0x00, 0x01, 0x02, 0xFE]) }
        #expect(throws: AttachmentError.self) { try FileType.sniff(try Self.zip([("payload.js", "alert(1)")])) }
        // A macro-enabled document declares another main type, and a DOCX's declaration without its part.
        let docm = Self.docxTypes.replacingOccurrences(
            of: "officedocument.wordprocessingml.document.main", with: "ms-word.document.macroEnabled.main")
        #expect(throws: AttachmentError.self) {
            try FileType.sniff(try Self.zip([("[Content_Types].xml", docm), ("word/document.xml", "<w:document/>")]))
        }
        #expect(throws: AttachmentError.self) {
            try FileType.sniff(try Self.zip([("[Content_Types].xml", Self.docxTypes)]))
        }
        // A damaged ZIP: its end cut off.
        let docx = try Self.zip([("[Content_Types].xml", Self.docxTypes), ("word/document.xml", "<w:document/>")])
        #expect(throws: AttachmentError.self) { try FileType.sniff(Array(docx.dropLast(30))) }
    }

    @Test("a name keeps no folder, quote or control character")
    func plainNames() {
        #expect(AttachmentService.plainName("../../etc/passwd") == "passwd")
        #expect(AttachmentService.plainName("C:\\Users\\ana\\acta \"final\".pdf") == "acta final.pdf")
        #expect(AttachmentService.plainName("informe\r\n.pdf") == "informe.pdf")
        #expect(AttachmentService.plainName("..") == "attachment")
        #expect(AttachmentService.plainName("") == "attachment")
    }
}
