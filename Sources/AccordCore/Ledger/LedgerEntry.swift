/// One agreed change as the ledger keeps it: who, when, on what authority, and what changed.
public struct LedgerEntry: Codable, Sendable, Hashable {
    /// Its position in the ledger, from 1, without gaps.
    public var sequence: Int64
    /// When the store appended it.
    public var recordedAt: Timestamp
    /// Who made it.
    public var actor: Actor
    /// What allowed it.
    public var authority: Authority
    /// What changed.
    public var change: Change

    public init(sequence: Int64, recordedAt: Timestamp, actor: Actor, authority: Authority, change: Change) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.actor = actor
        self.authority = authority
        self.change = change
    }

    /// The canonical bytes of the entry (RFC 8785 JSON, as `docs/ledger-encoding.md` specifies).
    ///
    /// The ledger stores exactly these bytes and hashes exactly these bytes, so verification never depends
    /// on re-encoding producing the same text in a later version of Foundation.
    public func canonicalEncoding() throws -> [UInt8] {
        try CanonicalJSON.encode(self)
    }

    /// Reads an entry back from its canonical bytes, refusing any other JSON of it.
    public static func decode(canonical bytes: some Collection<UInt8>) throws -> LedgerEntry {
        try CanonicalJSON.decode(LedgerEntry.self, from: bytes)
    }
}
