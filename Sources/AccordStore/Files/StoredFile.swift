import AccordCore
import Foundation

/// A file kept beside the ledger under its SHA-256: a statistics upload as a delegation sent it, the SDMX-CSV
/// Accord wrote of a vintage's observations, or a document attached to the record. The ledger entry that names
/// it carries the digest, and `verify` re-hashes it.
public struct StoredFile: Sendable, Equatable {
    /// The SHA-256 of `content`, in lower-case hexadecimal.
    public let sha256: String
    /// The file's type (`text/csv`, `application/pdf`…).
    public var mediaType: String
    public let content: [UInt8]

    public init(mediaType: String, content: [UInt8]) {
        self.mediaType = mediaType
        self.content = content
        sha256 = HashChain.digest(of: content)
    }
}

/// The name the statistics gave stored files before attachments shared them.
public typealias StatisticsFile = StoredFile

/// A folder files are kept in, each as a file named by its SHA-256, instead of in the database
/// (`--files-dir`, `ACCORD_FILES_DIR`): for installations whose documents would make the database large.
///
/// A file is written whole or not at all (a temporary file, flushed to disk, renamed, and the folder flushed),
/// and checked against its digest whenever it is read, so a file changed on disk is never served as the record.
public struct FileFolder: Sendable, Hashable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Why a file could not be kept in or read from the folder.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    func location(of sha256: String) -> String { (path as NSString).appendingPathComponent(sha256) }

    /// Keeps `file` under its digest; a file already there with the right bytes stays.
    func write(_ file: StoredFile) throws {
        if (try? read(file.sha256)) != nil { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let temporary = (path as NSString).appendingPathComponent(".\(file.sha256).\(UUID().uuidString).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create a file in \(path) (errno \(errno))") }
        var written = 0
        let ok = file.content.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary, location(of: file.sha256)) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(file.sha256) in \(path) (errno \(errno))")
        }
        // The rename is durable only once the folder itself is flushed.
        let folder = open(path, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// The bytes kept under `sha256`, or nil when there is no such file.
    ///
    /// - Throws: `Failure` when the file no longer hashes to its name.
    func read(_ sha256: String) throws -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: location(of: sha256)) else { return nil }
        let bytes = [UInt8](data)
        guard HashChain.digest(of: bytes) == sha256 else {
            throw Failure(description: "the file \(sha256) in \(path) no longer hashes to its name")
        }
        return bytes
    }
}
