import Foundation
import ZIPFoundation

/// A ZIP package built in memory with fixed entry dates, so the same parts always give the same bytes.
///
/// DOCX is a ZIP of XML parts; fixing the dates makes a document a pure function of the record, which the
/// tests and caches rely on.
enum ZipPackage {
    /// The parts' fixed modification date (1 January 2000), inside the range ZIP's DOS dates can hold.
    static let date = Date(timeIntervalSince1970: 946_684_800)

    /// The ZIP holding `parts` (path, bytes) in order, deflated.
    static func make(_ parts: [(path: String, bytes: [UInt8])]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        guard let data = archive.data else { throw DocumentError.packaging("the ZIP archive has no data") }
        return data
    }
}

/// Why a document could not be made.
public enum DocumentError: Error, CustomStringConvertible, Equatable {
    /// A request that names a field wrongly: which field, and why.
    case invalid(field: String, reason: String)
    /// The ZIP container could not be written.
    case packaging(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .packaging(let reason): "could not package the document: \(reason)"
        }
    }
}
