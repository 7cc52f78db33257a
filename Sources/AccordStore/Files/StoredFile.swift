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

    /// Keeps `file` under its digest, flushed to disk before this returns; a file already there with the right
    /// bytes stays as it is.
    ///
    /// Called before the transaction of the entry naming the file begins (`Store.append`): the slow part of
    /// keeping a file never holds the database's write lock, and the entry commits only once its file is durable.
    func write(_ file: StoredFile) throws { try write(file.content, as: file.sha256) }

    /// Whether a regular file named `sha256` is here with `size` bytes: what an append checks, under the write
    /// lock, of a file an earlier entry stored (the bytes are re-hashed by `verify` and on every read).
    func holds(_ sha256: String, size: Int64) -> Bool {
        guard let attributes = regularFileAttributes(sha256) else { return false }
        return (attributes[.size] as? NSNumber)?.int64Value == size
    }

    /// Whether a regular file named `sha256` is here and hashes to its name: a link, a device or a changed file
    /// under that name does not count, and is replaced when the file is written.
    private func holds(_ sha256: String) -> Bool {
        regularFileAttributes(sha256) != nil && (try? read(sha256)) != nil
    }

    /// The attributes of the entry named `name`, when it is a regular file: a link is not followed.
    private func regularFileAttributes(_ name: String) -> [FileAttributeKey: Any]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: location(of: name)),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        return attributes
    }

    /// Keeps `content` under `sha256`, which the caller has checked it hashes to.
    private func write(_ content: [UInt8], as sha256: String) throws {
        if holds(sha256) { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let temporary = (path as NSString).appendingPathComponent(".\(sha256).\(UUID().uuidString).tmp")
        // Read by the server alone: uploads may hold confidential cells, attachments unpublished drafts.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "cannot create a file in \(path) (errno \(errno))") }
        var written = 0
        let ok = content.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary, location(of: sha256)) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(sha256) in \(path) (errno \(errno))")
        }
        // The rename is durable only once the folder itself is flushed.
        Self.flush(folder: path)
    }

    /// Flushes the folder at `path`, so that the names renamed into it last.
    public static func flush(folder path: String) {
        let folder = open(path, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Copies the files kept under `digests` into a new folder at `path` (a backup's files), each checked against
    /// its digest and written as this folder writes its own. The files are written into a temporary folder
    /// beside `path`, renamed into place once all are there: the folder appears whole or not at all.
    ///
    /// - Returns: how many files were copied.
    /// - Throws: `Failure` naming a file missing here or that no longer hashes to its name; the file system's
    ///   error when `path` exists.
    public func copy(_ digests: some Sequence<String>, toNewFolder path: String) throws -> Int {
        let target = URL(fileURLWithPath: path)
        let parent = target.deletingLastPathComponent().path
        let partial = FileFolder(
            path: (parent as NSString).appendingPathComponent(
                ".\(target.lastPathComponent).partial-\(UUID().uuidString)"))
        let digests = Set(digests).sorted()
        do {
            try FileManager.default.createDirectory(
                atPath: partial.path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            for digest in digests { try partial.write(try contents(digest), as: digest) }
            // Refuses an existing `path` rather than replace it.
            try FileManager.default.moveItem(atPath: partial.path, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial.path)
            throw error
        }
        Self.flush(folder: parent)
        return digests.count
    }

    /// Copies every file of `source` (a backup's files) into this folder, each checked against its name first;
    /// a file already here with the right bytes stays.
    ///
    /// - Returns: how many files `source` holds.
    /// - Throws: `Failure` naming a file of `source` that does not hash to its name.
    public func copy(everyFileOf source: FileFolder) throws -> Int {
        // Names starting with a dot are a writer's temporary files, never a kept file.
        let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { !$0.hasPrefix(".") }
        for name in names.sorted() {
            // Only regular files named by a SHA-256 are read: a link or a device planted in a backup's folder
            // could point at anything, or never end.
            guard HashChain.isDigest(name), source.regularFileAttributes(name) != nil else {
                throw Failure(
                    description: "\(name) in \(source.path) is not a stored file (a regular file named by its SHA-256)")
            }
            try write(try source.contents(name), as: name)
        }
        return names.count
    }

    /// The bytes kept under `sha256`, checked against it.
    ///
    /// - Throws: `Failure` when there is no such file, or it no longer hashes to its name.
    func contents(_ sha256: String) throws -> [UInt8] {
        guard let bytes = try read(sha256) else {
            throw Failure(description: "the file \(sha256) is missing from \(path)")
        }
        return bytes
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
