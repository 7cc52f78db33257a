import Foundation

/// A statement of the ledger's head — how many entries it holds, the hash of the last, and when — in the
/// C2SP checkpoint format (c2sp.org/tlog-checkpoint), so that it can be signed, kept and compared outside
/// Accord's database (DESIGN.md §3 rule 5).
///
/// Its text is four lines:
///
/// ```
/// rcm.example.org/accord
/// 1042
/// 3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
/// time 2026-11-23T20:31:05.123Z
/// ```
///
/// - the **origin**, the name of the ledger (and of the key that signs for it);
/// - the **tree size**: the number of ledger entries, the sequence of the last;
/// - the **root hash**: here the *chain hash of the ledger's last entry* (SHA-256 over the previous entry's
///   hash and the entry's canonical bytes, `HashChain`), base64 of its 32 bytes — not the root of an
///   RFC 6962 Merkle tree, which Accord's ledger is not. Because each chain hash covers every entry before
///   it, the one hash commits to the whole ledger up to `size`; what it does not give is a logarithmic
///   consistency proof: whether a later ledger extends a checkpoint is checked by re-hashing the entries
///   between them (`accord verify --checkpoint`), and the standard tools that read the format verify its
///   signatures but cannot prove its consistency;
/// - an extension line `time <ISO 8601 UTC>`, when Accord signed it, which the signature covers. An empty
///   ledger's checkpoint has size 0 and the genesis hash, 32 zero bytes.
public struct Checkpoint: Sendable, Hashable {
    /// The ledger's name: its signing key's name, "rcm.example.org/accord".
    public var origin: String
    /// How many entries the ledger held: the sequence of its last entry.
    public var size: Int64
    /// The chain hash of entry `size`, in lower-case hex as the ledger stores it.
    public var hash: String
    /// When it was signed.
    public var time: Timestamp

    public init(origin: String, size: Int64, hash: String, time: Timestamp) {
        self.origin = origin
        self.size = size
        self.hash = hash
        self.time = time
    }

    /// The note text: origin, size, base64 root hash and time, each on its line.
    public var text: String {
        let root = Data(HashChain.raw(hex: hash.utf8) ?? []).base64EncodedString()
        return "\(origin)\n\(size)\n\(root)\ntime \(time)\n"
    }

    /// Reads a checkpoint's text.
    ///
    /// - Throws: `NoteError.malformed` naming the line that is wrong.
    public init(text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard text.hasSuffix("\n"), lines.count >= 4, lines.dropLast().allSatisfy({ !$0.isEmpty }) else {
            throw .malformed("a checkpoint is its origin, size and root hash, each on a non-empty line")
        }
        let origin = String(lines[0])
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw .malformed("a checkpoint's second line is its size, a whole number: '\(lines[1].prefix(40))'")
        }
        guard let root = Data(base64Encoded: String(lines[2])), root.count == 32 else {
            throw .malformed("a checkpoint's third line is its root hash, base64 of 32 bytes")
        }
        guard lines.count == 5, lines[3].hasPrefix("time "), let time = Timestamp(String(lines[3].dropFirst(5)))
        else {
            throw .malformed("an Accord checkpoint's fourth and last line is 'time <ISO 8601 UTC>'")
        }
        self.init(origin: origin, size: size, hash: HashChain.hex(root), time: time)
    }
}

/// A checkpoint with its signatures: Accord's own, and those of the witnesses who countersigned it.
public struct SignedCheckpoint: Sendable, Hashable, CustomStringConvertible {
    public var checkpoint: Checkpoint
    /// The note, whose text is `checkpoint.text`.
    public var note: SignedNote

    /// Signs `checkpoint` with Accord's checkpoint key.
    ///
    /// - Throws: `NoteError.malformed` when the key's name is not the checkpoint's origin, or the key is a
    ///   witness's.
    public static func sign(_ checkpoint: Checkpoint, with signer: NoteSigner) throws(NoteError) -> SignedCheckpoint {
        guard signer.name == checkpoint.origin else {
            throw .malformed(
                "a checkpoint of \(checkpoint.origin) is signed by the key of that name, not \(signer.name)")
        }
        let text = checkpoint.text
        return SignedCheckpoint(
            checkpoint: checkpoint, note: SignedNote(text: text, signatures: [try signer.sign(text)]))
    }

    private init(checkpoint: Checkpoint, note: SignedNote) {
        self.checkpoint = checkpoint
        self.note = note
    }

    /// Reads a signed checkpoint, as served at `/api/v1/ledger/checkpoint` or printed in a document.
    ///
    /// - Throws: `NoteError.malformed` for a text that is not a signed note of a checkpoint.
    public init(parsing text: String) throws(NoteError) {
        let note = try SignedNote(parsing: text)
        self.init(checkpoint: try Checkpoint(text: note.text), note: note)
    }

    public var description: String { note.description }

    /// Checks the signature of `verifier`, Accord's checkpoint key (c2sp.org/signed-note: a signature line
    /// naming the key must verify, and one must).
    ///
    /// - Throws: `NoteError.notSignedBy` when no line is by that key, `.badSignature` when one does not verify.
    public func verify(_ verifier: NoteVerifier) throws(NoteError) {
        let message = Array(note.text.utf8)
        let lines = note.signatures.filter(verifier.names)
        guard !lines.isEmpty else { throw .notSignedBy(verifier.vkey) }
        for line in lines where !verifier.verifies(line, message: message) { throw .badSignature(verifier.name) }
    }

    /// The checkpoint with a witness's cosignature added (c2sp.org/tlog-cosignature, Ed25519 v1): a statement
    /// by the witness that, at `time` (seconds since 1970), this was the ledger's head as far as it has seen.
    ///
    /// - Throws: `NoteError.malformed` when the key is not a cosigning key.
    public func cosigned(by witness: NoteSigner, at time: UInt64) throws(NoteError) -> SignedCheckpoint {
        guard witness.verifier.type == .cosignature else {
            throw .malformed("\(witness.name) is not a cosigning key (type 0x04)")
        }
        let signature = try witness.signature(of: Cosignature.message(for: note.text, time: time))
        var cosigned = self
        cosigned.note.signatures.removeAll(where: witness.verifier.names)
        cosigned.note.signatures.append(
            NoteSignature(name: witness.name, keyID: witness.verifier.keyID, signature: time.bigEndianBytes + signature)
        )
        return cosigned
    }

    /// The cosignature of `witness` on this checkpoint, checked.
    ///
    /// - Throws: `NoteError.notSignedBy` when the witness did not cosign it, `.badSignature` when its line does
    ///   not verify.
    public func cosignature(by witness: NoteVerifier) throws(NoteError) -> Cosignature {
        guard witness.type == .cosignature else {
            throw .malformed("\(witness.name) is not a cosigning key (type 0x04)")
        }
        guard let line = note.signatures.first(where: witness.names) else { throw .notSignedBy(witness.vkey) }
        guard line.signature.count == 72 else { throw .badSignature(witness.name) }
        let time = UInt64(bigEndianBytes: line.signature.prefix(8))
        guard witness.verifies(line, message: Cosignature.message(for: note.text, time: time)) else {
            throw .badSignature(witness.name)
        }
        return Cosignature(line: line, time: time)
    }
}

/// A witness's countersignature of a checkpoint, checked against the witness's key.
public struct Cosignature: Sendable, Hashable {
    /// The signature line as the checkpoint carries it.
    public var line: NoteSignature
    /// When the witness cosigned, in seconds since 1970.
    public var time: UInt64

    /// What a v1 Ed25519 cosignature signs: `cosignature/v1`, `time <seconds>`, then the checkpoint's text.
    static func message(for text: String, time: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(time)\n\(text)".utf8)
    }
}
