/// Why the store could not do what was asked, apart from rule violations (which are `ChangeError`s).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A database setting would let a crash lose acknowledged changes; the store refuses to start.
    case unsafeDurability(setting: String, value: String, needed: String)
    /// The database location is neither a file path nor a postgres:// URL.
    case unsupportedLocation(String)
    /// The database holds migrations this version of Accord does not know: it was written by a newer one.
    case newerSchema(version: Int)
    /// A stored row could not be read back; the database was changed outside Accord.
    case corruptRow(table: String, key: String, reason: String)
    /// Another writer appended concurrently in a way the lock should have prevented.
    case conflict(String)
    /// An account (or one of its tokens) of that name is already stored.
    case duplicateAccount(String)
    /// An entry names a file (by its SHA-256) that is not stored: in the database, or in the files folder its
    /// row leaves it to. The entry is refused, so that the record never names a file it cannot produce.
    case missingFile(sha256: String, what: String)
    /// The ledger lacks triggers that keep it append-only (they were dropped or disabled outside Accord);
    /// the store refuses to start.
    case unguardedLedger(missingTriggers: [String])

    public var description: String {
        switch self {
        case .unsafeDurability(let setting, let value, let needed):
            "refusing to run: the database setting \(setting) is \(value); Accord needs it \(needed) so that no agreed change is lost in a crash"
        case .unsupportedLocation(let location):
            "'\(location)' is neither a SQLite file path nor a postgres:// URL"
        case .newerSchema(let version):
            "the database has schema version \(version), newer than this Accord knows; upgrade Accord"
        case .corruptRow(let table, let key, let reason):
            "row \(key) of \(table) cannot be read: \(reason)"
        case .conflict(let reason):
            "concurrent write conflict: \(reason)"
        case .duplicateAccount(let name):
            "\(name) already exists"
        case .missingFile(let sha256, let what):
            "\(what) (SHA-256 \(sha256)) is not stored, so the entry naming it was not recorded: a file is stored "
                + "with the entry that first names it"
        case .unguardedLedger(let names):
            "refusing to run: the ledger's append-only trigger\(names.count == 1 ? "" : "s") "
                + "\(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") missing or disabled, so "
                + "ledger entries could be changed or removed; the database was altered outside Accord. Run "
                + "`accord verify`, and restore the trigger\(names.count == 1 ? "" : "s") before Accord writes to it"
        }
    }
}
