import Foundation
import ZIPFoundation

/// The parts of a ZIP package (an XLSX workbook, a DOCX or ODT document), read safely: the central directory is
/// checked first (`ZIPCheck`), and no part inflates past the size it declares.
///
/// Shared by the spreadsheet reader and the check of attached files' types, so that one reader takes apart
/// every ZIP that comes from outside.
public struct ZIPParts {
    private let archive: Archive
    /// Each entry's declared expanded size, by name.
    private let declared: [String: Int]

    /// - Throws: `SpreadsheetError.notAWorkbook` saying why the bytes are not a ZIP archive Accord reads.
    public init(_ bytes: [UInt8]) throws(SpreadsheetError) {
        // Checked first: ZIPFoundation stops the process on some malformed archives instead of throwing.
        declared = Dictionary(try ZIPCheck.check(bytes), uniquingKeysWith: { first, _ in first })
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .notAWorkbook("it is not a ZIP archive")
        }
    }

    /// The names of the package's parts.
    public var names: Set<String> { Set(declared.keys) }

    /// The bytes of the part at `path`, or nil when the package has none.
    ///
    /// - Throws: `SpreadsheetError.notAWorkbook` when the part is damaged or larger than it says.
    public func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = archive[path], let limit = declared[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size is a claim: inflating past it stops here.
                guard data.count + chunk.count <= limit else {
                    throw SpreadsheetError.notAWorkbook("\(path) is larger than it says")
                }
                data.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw .notAWorkbook("\(path) cannot be read: it is damaged")
        }
        return data
    }
}
