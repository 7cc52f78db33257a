import Synchronization
import VaporCSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A SQLite VFS that hands each transaction's WAL frames to the kernel in one write instead of two per frame.
///
/// SQLite writes a WAL frame as two `pwrite` calls, its 24-byte header and then its page, and a durable
/// append commits five to seven frames before its fsync. On this kind of virtual disk a write to a page the
/// last fsync left clean costs 8–10 µs, so those 10–14 calls took about as long as the fsync itself; one
/// write of the same bytes takes a tenth of that.
///
/// The VFS is SQLite's own `unix` VFS with one difference: writes to a WAL file that continue the
/// previous write are gathered in memory, and written when SQLite next syncs, reads, sizes, truncates or
/// closes that file, writes elsewhere in it, publishes a commit in the WAL index, or gives up the write
/// lock. Nothing else changes:
/// - Durability: a commit is durable only after its sync, and the gathered frames are written before that
///   sync runs, in order. Until then they could have been lost to a crash just as well from the page cache.
/// - Other connections read only frames the WAL index lists, and a commit is listed only after its frames
///   are written: SQLite syncs them first when `synchronous = FULL` (the store's only setting), and the
///   VFS writes anything still gathered at the index's memory barrier in any case.
/// - A transaction that rolls back leaves frames nobody will read: they are written before the write lock
///   is released, while no other connection can write where they go.
/// - Where SQLite pads commits to whole sectors (a file system without power-safe overwrite), it writes
///   after the sync, so the WAL is written through as by the `unix` VFS.
/// - Locking, shared memory, the database file and the journal go straight to the `unix` VFS, so every
///   connection of the process and every other process (the `sqlite3` shell included) works on the same
///   file with the same locks.
enum WALWriteBuffer {
    /// The name connections open the database with, after registering the VFS on first use.
    static var vfsName: String {
        _ = registration
        return name
    }

    private static let name = "accord-wal-buffer"
    /// The most bytes gathered before they are written anyway. The base VFS writes at most 128 KiB in one
    /// call (it masks larger sizes), and a durable append gathers about 25 KiB.
    fileprivate static let capacity = 64 * 1024

    /// Registers the VFS once per process; SQLite keeps the pointer, so the structure is never freed.
    private static let registration: Void = {
        guard let base = sqlite_nio_sqlite3_vfs_find(nil) else { return }
        let vfs = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)
        vfs.initialize(to: base.pointee)
        vfs.pointee.zName = UnsafePointer(strdup(name))
        vfs.pointee.szOsFile = Int32(FileHeader.size) + base.pointee.szOsFile
        vfs.pointee.pNext = nil
        vfs.pointee.xOpen = open
        baseVFS = base
        sqlite_nio_sqlite3_vfs_register(vfs, 0)
    }()

    /// The `unix` VFS every file is really opened by, set once before the VFS is registered.
    nonisolated(unsafe) fileprivate static var baseVFS: UnsafeMutablePointer<sqlite3_vfs>?

    /// The open database files by the address of the name SQLite opened them with: a WAL file finds its
    /// database file (and so its connection's locks) through `sqlite3_filename_database`.
    fileprivate static let databases = Mutex<[UInt: DatabaseFile]>([:])

    /// Opens the file with the base VFS inside ours: a database file gets the methods that watch its WAL
    /// locks, its WAL file the gathering methods, any other file the forwarding ones.
    private static let open:
        @convention(c) (
            UnsafeMutablePointer<sqlite3_vfs>?, sqlite3_filename?, UnsafeMutablePointer<sqlite3_file>?, Int32,
            UnsafeMutablePointer<Int32>?
        ) -> Int32 = { _, name, file, flags, outFlags in
            guard let file, let base = baseVFS, let baseOpen = base.pointee.xOpen else { return SQLITE_MISUSE }
            // SQLite calls xClose only on a file whose methods are set: none until the real open succeeds.
            file.pointee.pMethods = nil
            let inner = FileHeader.inner(of: file)
            let status = baseOpen(base, name, inner, flags, outFlags)
            guard inner.pointee.pMethods != nil else { return status }
            // The forwarding tables are of version 3, the `unix` VFS's: shared memory and memory mapping.
            guard inner.pointee.pMethods.pointee.iVersion >= 3 else {
                _ = inner.pointee.pMethods.pointee.xClose!(inner)
                return SQLITE_CANTOPEN
            }
            file.pointee.pMethods = UnsafePointer(forwardingMethods)
            if flags & SQLITE_OPEN_MAIN_DB != 0, let name {
                let database = DatabaseFile()
                database.hasPowersafeOverwrite =
                    inner.pointee.pMethods.pointee.xDeviceCharacteristics!(inner) & SQLITE_IOCAP_POWERSAFE_OVERWRITE
                    != 0
                FileHeader.setState(database, of: file)
                databases.withLock { $0[UInt(bitPattern: name)] = database }
                file.pointee.pMethods = UnsafePointer(databaseMethods)
            } else if flags & SQLITE_OPEN_WAL != 0, let name,
                let databaseName = sqlite_nio_sqlite3_filename_database(name),
                let database = databases.withLock({ $0[UInt(bitPattern: databaseName)] }),
                database.hasPowersafeOverwrite
            {
                let buffer = WALBuffer(inner: inner)
                database.wal = buffer
                buffer.database = database
                FileHeader.setState(buffer, of: file)
                file.pointee.pMethods = UnsafePointer(gatheringMethods)
            }
            return status
        }
}

/// A database file's part: the WAL file of the same connection, while it gathers writes.
private final class DatabaseFile: @unchecked Sendable {
    var wal: WALBuffer?
    /// Whether SQLite writes commits without padding them to sectors (decided from the database file).
    var hasPowersafeOverwrite = false
}

/// The bytes gathered for one WAL file: a run of consecutive writes starting at `offset`.
private final class WALBuffer {
    /// The base VFS's WAL file, which the gathered bytes are written to.
    let inner: UnsafeMutablePointer<sqlite3_file>
    var bytes: [UInt8] = []
    var offset: Int64 = 0
    /// The error of a write of gathered bytes that failed: every later call on the file fails with it until
    /// the transaction has ended, so a transaction that lost frames can never commit.
    var failure: Int32?
    weak var database: DatabaseFile?

    init(inner: UnsafeMutablePointer<sqlite3_file>) {
        self.inner = inner
        bytes.reserveCapacity(64 * 1024)
    }

    /// Writes what is gathered to the base file, in one call.
    func flush() -> Int32 {
        if let failure { return failure }
        guard !bytes.isEmpty else { return SQLITE_OK }
        let status = bytes.withUnsafeBytes { buffer in
            inner.pointee.pMethods.pointee.xWrite!(inner, buffer.baseAddress, Int32(buffer.count), offset)
        }
        bytes.removeAll(keepingCapacity: true)
        guard status == SQLITE_OK else {
            // An I/O error rather than SQLITE_FULL: SQLite rolls the whole transaction back on it.
            failure = SQLITE_IOERR | (3 << 8)
            return failure!
        }
        return SQLITE_OK
    }

    /// Writes what is gathered as the write lock is given up, and forgets any failure with the transaction.
    func endTransaction() {
        _ = flush()
        bytes.removeAll(keepingCapacity: true)
        failure = nil
    }
}

/// Our part of each open file: the `sqlite3_file` SQLite sees (its methods pointer), then our state for
/// the file (a `DatabaseFile`, a `WALBuffer` or nothing), then the base VFS's file, which the base VFS
/// fills in and works on.
private enum FileHeader {
    static let size = 2 * MemoryLayout<UnsafeRawPointer>.stride

    static func inner(of file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<sqlite3_file> {
        (UnsafeMutableRawPointer(file) + size).assumingMemoryBound(to: sqlite3_file.self)
    }

    static func setState(_ state: AnyObject, of file: UnsafeMutablePointer<sqlite3_file>) {
        let pointer = Unmanaged.passRetained(state).toOpaque()
        (UnsafeMutableRawPointer(file) + MemoryLayout<UnsafeRawPointer>.stride).storeBytes(
            of: pointer, as: UnsafeMutableRawPointer.self)
    }

    static func state<State: AnyObject>(of file: UnsafeMutablePointer<sqlite3_file>?, as type: State.Type)
        -> Unmanaged<State>
    {
        Unmanaged.fromOpaque(
            (UnsafeMutableRawPointer(file!) + MemoryLayout<UnsafeRawPointer>.stride).load(
                as: UnsafeMutableRawPointer.self))
    }
}

/// Runs `body` with the base file and its methods, for a file SQLite hands one of our methods.
private func forward<R>(
    _ file: UnsafeMutablePointer<sqlite3_file>?, _ body: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> R
) -> R {
    let inner = FileHeader.inner(of: file!)
    return body(inner, inner.pointee.pMethods.pointee)
}

/// Like `forward`, once what the WAL file has gathered is written: for everything that must see the file
/// as SQLite last wrote it.
private func forwardFlushed(
    _ file: UnsafeMutablePointer<sqlite3_file>?,
    _ body: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> Int32
) -> Int32 {
    let status = FileHeader.state(of: file, as: WALBuffer.self).takeUnretainedValue().flush()
    guard status == SQLITE_OK else { return status }
    return forward(file, body)
}

/// Every method passed to the base file as it is.
nonisolated(unsafe) private let forwardingMethods: UnsafeMutablePointer<sqlite3_io_methods> = {
    let methods = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
    methods.initialize(
        to: sqlite3_io_methods(
            iVersion: 3,
            xClose: { file in forward(file) { $1.xClose!($0) } },
            xRead: { file, data, amount, offset in forward(file) { $1.xRead!($0, data, amount, offset) } },
            xWrite: { file, data, amount, offset in forward(file) { $1.xWrite!($0, data, amount, offset) } },
            xTruncate: { file, size in forward(file) { $1.xTruncate!($0, size) } },
            xSync: { file, flags in forward(file) { $1.xSync!($0, flags) } },
            xFileSize: { file, size in forward(file) { $1.xFileSize!($0, size) } },
            xLock: { file, lock in forward(file) { $1.xLock!($0, lock) } },
            xUnlock: { file, lock in forward(file) { $1.xUnlock!($0, lock) } },
            xCheckReservedLock: { file, result in forward(file) { $1.xCheckReservedLock!($0, result) } },
            xFileControl: { file, operation, argument in forward(file) { $1.xFileControl!($0, operation, argument) } },
            xSectorSize: { file in forward(file) { $1.xSectorSize!($0) } },
            xDeviceCharacteristics: { file in forward(file) { $1.xDeviceCharacteristics!($0) } },
            xShmMap: { file, region, size, extend, address in
                forward(file) { $1.xShmMap!($0, region, size, extend, address) }
            },
            xShmLock: { file, offset, count, flags in forward(file) { $1.xShmLock!($0, offset, count, flags) } },
            xShmBarrier: { file in forward(file) { $1.xShmBarrier!($0) } },
            xShmUnmap: { file, delete in forward(file) { $1.xShmUnmap!($0, delete) } },
            xFetch: { file, offset, amount, pointer in forward(file) { $1.xFetch!($0, offset, amount, pointer) } },
            xUnfetch: { file, offset, pointer in forward(file) { $1.xUnfetch!($0, offset, pointer) } }))
    return methods
}()

/// A table of methods at an address that never changes: the forwarding ones, with `change` applied.
private func forwardingMethods(changing change: (inout sqlite3_io_methods) -> Void)
    -> UnsafeMutablePointer<sqlite3_io_methods>
{
    let methods = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
    methods.initialize(to: forwardingMethods.pointee)
    change(&methods.pointee)
    return methods
}

/// The methods of a database file: its connection's WAL buffer is written at the WAL index's memory
/// barrier (a commit being published) and before the write lock is given up.
nonisolated(unsafe) private let databaseMethods = forwardingMethods(changing: { methods in
    methods.xClose = { file in
        let database = FileHeader.state(of: file, as: DatabaseFile.self)
        defer { database.release() }
        WALWriteBuffer.databases.withLock { databases in
            for (name, open) in databases where open === database.takeUnretainedValue() { databases[name] = nil }
        }
        database.takeUnretainedValue().wal?.database = nil
        return forward(file) { $1.xClose!($0) }
    }
    methods.xShmLock = { file, offset, count, flags in
        // The WAL write lock is slot 0. Released after a rollback, it leaves frames beyond the end of the
        // log that the next writer overwrites: they must reach the file now, or they would land on its frames.
        if offset == 0, flags & SQLITE_SHM_UNLOCK != 0 {
            FileHeader.state(of: file, as: DatabaseFile.self).takeUnretainedValue().wal?.endTransaction()
        }
        return forward(file) { $1.xShmLock!($0, offset, count, flags) }
    }
    methods.xShmBarrier = { file in
        // SQLite calls the barrier between the two copies of the WAL index header it writes to publish a
        // commit: every frame the commit lists must be in the file before readers can see it.
        _ = FileHeader.state(of: file, as: DatabaseFile.self).takeUnretainedValue().wal?.flush()
        forward(file) { $1.xShmBarrier!($0) }
    }
})

/// The methods of a WAL file: writes are gathered, and everything that needs the file as written flushes first.
nonisolated(unsafe) private let gatheringMethods = forwardingMethods(changing: { methods in
    methods.xClose = { file in
        let buffer = FileHeader.state(of: file, as: WALBuffer.self)
        defer { buffer.release() }
        let flushed = buffer.takeUnretainedValue().flush()
        buffer.takeUnretainedValue().database?.wal = nil
        let closed = forward(file) { $1.xClose!($0) }
        return flushed == SQLITE_OK ? closed : flushed
    }
    methods.xWrite = { file, data, amount, offset in
        let buffer = FileHeader.state(of: file, as: WALBuffer.self).takeUnretainedValue()
        if let failure = buffer.failure { return failure }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(amount))
        if !buffer.bytes.isEmpty, offset == buffer.offset + Int64(buffer.bytes.count),
            buffer.bytes.count + bytes.count <= WALWriteBuffer.capacity
        {
            buffer.bytes.append(contentsOf: bytes)
            return SQLITE_OK
        }
        // Not a continuation, or too much: what is gathered goes first, so writes reach the file in order.
        let status = buffer.flush()
        guard status == SQLITE_OK else { return status }
        guard bytes.count < WALWriteBuffer.capacity else {
            return forward(file) { $1.xWrite!($0, data, amount, offset) }
        }
        buffer.offset = offset
        buffer.bytes.append(contentsOf: bytes)
        return SQLITE_OK
    }
    methods.xRead = { file, data, amount, offset in
        forwardFlushed(file) { $1.xRead!($0, data, amount, offset) }
    }
    methods.xTruncate = { file, size in forwardFlushed(file) { $1.xTruncate!($0, size) } }
    methods.xSync = { file, flags in forwardFlushed(file) { $1.xSync!($0, flags) } }
    methods.xFileSize = { file, size in forwardFlushed(file) { $1.xFileSize!($0, size) } }
    methods.xFileControl = { file, operation, argument in
        forwardFlushed(file) { $1.xFileControl!($0, operation, argument) }
    }
})
