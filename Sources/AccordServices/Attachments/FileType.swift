import AccordCore
import AccordStatistics
import Foundation

/// The type of a file, read from its bytes — never from its name or from what the sender declared — among the
/// types Accord keeps (`Attachment.mediaTypes`). Anything else is refused: HTML, SVG and XML (a browser would
/// run their scripts), scripts, executables, archives that are not documents, and whatever is not recognised.
public enum FileType {
    static let pdf = "application/pdf"
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let odt = "application/vnd.oasis.opendocument.text"
    static let png = "image/png"
    static let jpeg = "image/jpeg"
    static let text = "text/plain"

    /// The extensions each type's files are named with.
    static let extensions: [String: String] = [
        "pdf": pdf, "docx": docx, "xlsx": xlsx, "odt": odt, "png": png, "jpg": jpeg, "jpeg": jpeg, "txt": text,
    ]

    /// The media type of `bytes`.
    ///
    /// - Throws: `AttachmentError.unsupportedType` saying what the bytes are, or why they are not recognised.
    public static func sniff(_ bytes: [UInt8]) throws(AttachmentError) -> String {
        if bytes.starts(with: Array("%PDF-".utf8)) { return pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try package(bytes) }
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) || bytes.starts(with: [0x4D, 0x5A]) {
            throw .unsupportedType("it is an executable program")
        }
        return try plainText(bytes)
    }

    /// A ZIP package: a DOCX or XLSX by its `[Content_Types].xml`, an ODT by its `mimetype` part.
    private static func package(_ bytes: [UInt8]) throws(AttachmentError) -> String {
        let parts: ZIPParts
        do {
            parts = try ZIPParts(bytes)
        } catch {
            throw .unsupportedType("it is a damaged or unusual ZIP archive (\(error)), not a document")
        }
        do {
            if let mimetype = try parts.part("mimetype"),
                String(decoding: mimetype, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == odt
            {
                return odt
            }
            if let types = try parts.part("[Content_Types].xml") {
                let declared = String(decoding: types, as: UTF8.self)
                // The main part's content type: a macro-enabled document (docm, xlsm) declares another one.
                if declared.contains(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
                    parts.names.contains("word/document.xml")
                {
                    return docx
                }
                if declared.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                    parts.names.contains("xl/workbook.xml")
                {
                    return xlsx
                }
            }
        } catch {
            throw .unsupportedType("it is a damaged ZIP archive (\(error)), not a document")
        }
        throw .unsupportedType("it is a ZIP archive that is not a DOCX, XLSX or ODT document")
    }

    /// UTF-8 text with no control characters but tabs and line breaks, and no markup a browser would render.
    private static func plainText(_ bytes: [UInt8]) throws(AttachmentError) -> String {
        guard !bytes.isEmpty, let text = String(validating: bytes, as: UTF8.self) else {
            throw .unsupportedType("its type is not one Accord keeps (PDF, DOCX, XLSX, ODT, PNG, JPEG or UTF-8 text)")
        }
        guard
            !text.unicodeScalars.contains(where: {
                ($0.value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0.value)) || $0.value == 0x7F
            })
        else { throw .unsupportedType("it is binary data of a type Accord does not keep") }
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(512).lowercased()
        let lowered = text.lowercased()
        if start.hasPrefix("<")
            || ["<script", "<html", "<svg", "<!doctype", "<iframe", "<?xml"].contains(where: lowered.contains)
        {
            throw .unsupportedType("it is HTML, SVG or XML markup, which Accord never keeps or serves")
        }
        if start.hasPrefix("#!") { throw .unsupportedType("it is a script") }
        return Self.text
    }

    /// The type a file's name says it is, when it has an extension Accord knows.
    static func named(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }
}

/// Why a file cannot be attached.
public enum AttachmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has more bytes than the installation accepts.
    case tooLarge(limit: Int)
    /// The file is empty.
    case empty
    /// The bytes are not of a type Accord keeps; the text says what they are.
    case unsupportedType(String)
    /// What the sender declared (or the name's extension says) is not what the bytes are.
    case typeMismatch(declared: String, actual: String)

    public var description: String {
        switch self {
        case .tooLarge(let limit): "the file is larger than \(limit) bytes, the most an attachment may have"
        case .empty: "the file is empty"
        case .unsupportedType(let reason): "the file cannot be attached: \(reason)"
        case .typeMismatch(let declared, let actual):
            "the file is declared as \(declared) but its content is \(actual); send it with its own type and name"
        }
    }
}
