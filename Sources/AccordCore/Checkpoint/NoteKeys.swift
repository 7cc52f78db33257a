import Crypto
import Foundation

/// What a key's signatures are (c2sp.org/signed-note, "Signature types"): the byte that goes into its key ID.
public enum NoteSignatureType: UInt8, Sendable, Hashable, CaseIterable {
    /// An Ed25519 signature over the note's text: how Accord signs its checkpoints.
    case ed25519 = 0x01
    /// A timestamped Ed25519 cosignature (c2sp.org/tlog-cosignature): how a witness countersigns one.
    case cosignature = 0x04
}

/// A public key that checks a note's signatures, with the name and type its signature lines carry.
///
/// Written as a verifier key, `<name>+<hex key ID>+<base64(type || public key)>`: the text Go's `note` package
/// and the transparency-log tools share.
public struct NoteVerifier: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let type: NoteSignatureType
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]
    /// SHA-256(name || 0x0A || type || public key)[:4], big-endian.
    public let keyID: UInt32

    /// - Throws: `NoteError.malformed` for a name with a space or a plus sign, or a key that is not 32 bytes.
    public init(name: String, type: NoteSignatureType, publicKey: [UInt8]) throws(NoteError) {
        try NoteKeyName.check(name)
        guard publicKey.count == 32 else { throw .malformed("an Ed25519 public key is 32 bytes") }
        self.name = name
        self.type = type
        self.publicKey = publicKey
        self.keyID = Self.keyID(name: name, type: type, key: publicKey)
    }

    /// Reads a verifier key, `<name>+<hex key ID>+<base64(type || public key)>`, checking its key ID.
    ///
    /// - Throws: `NoteError.malformed` saying which part is wrong.
    public init(vkey: String) throws(NoteError) {
        // The key's base64 may hold plus signs itself: only the first two separate.
        let parts = vkey.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let id = UInt32(parts[1], radix: 16), parts[1].count == 8,
            let key = Data(base64Encoded: String(parts[2])).map(Array.init), let first = key.first,
            let type = NoteSignatureType(rawValue: first)
        else {
            throw .malformed("a verifier key is <name>+<8 hex digits>+<base64 of the type byte and the key>")
        }
        try self.init(name: String(parts[0]), type: type, publicKey: Array(key.dropFirst()))
        guard keyID == id else {
            throw .malformed("the verifier key of \(name) says key ID \(parts[1]); its key has another")
        }
    }

    /// The verifier key's text.
    public var vkey: String {
        "\(name)+\(Self.hex(keyID))+" + Data([type.rawValue] + publicKey).base64EncodedString()
    }

    public var description: String { vkey }

    /// Whether `signature` is by this key: the same name and key ID, and the signature of `message` verifies.
    func verifies(_ signature: NoteSignature, message: [UInt8]) -> Bool {
        guard signature.name == name, signature.keyID == keyID,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        else { return false }
        let bytes = type == .cosignature ? Array(signature.signature.dropFirst(8)) : signature.signature
        return bytes.count == 64 && key.isValidSignature(bytes, for: message)
    }

    /// Whether a signature line names this key (and so must verify, c2sp.org/signed-note).
    func names(_ signature: NoteSignature) -> Bool { signature.name == name && signature.keyID == keyID }

    static func keyID(name: String, type: NoteSignatureType, key: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(data: Array(name.utf8) + [0x0A, type.rawValue] + key)
        return UInt32(bigEndianBytes: Array(digest))
    }

    static func hex(_ id: UInt32) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// A private key that signs notes: Accord's checkpoint key, or a witness's cosigning key.
///
/// Written as a signer key, `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || 32-byte seed)>`, the form Go's
/// `note.GenerateKey` writes, so that an installation's key is readable by the standard tools. It is kept in
/// a file outside the database, never in it.
public struct NoteSigner: Sendable {
    public let verifier: NoteVerifier
    /// The 32-byte Ed25519 seed: kept as bytes, which are `Sendable` where swift-crypto's key type is not.
    private let seed: [UInt8]

    public var name: String { verifier.name }

    /// - Throws: `NoteError.malformed` for a name with a space or a plus sign.
    public init(name: String, type: NoteSignatureType, privateKey: Curve25519.Signing.PrivateKey) throws(NoteError) {
        seed = Array(privateKey.rawRepresentation)
        verifier = try NoteVerifier(name: name, type: type, publicKey: Array(privateKey.publicKey.rawRepresentation))
    }

    /// Reads a signer key, checking its key ID against the key it holds.
    ///
    /// - Throws: `NoteError.malformed` saying which part is wrong (the key itself is never repeated).
    public init(skey: String) throws(NoteError) {
        let parts = skey.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", parts[3].count == 8,
            let id = UInt32(parts[3], radix: 16), let seed = Data(base64Encoded: String(parts[4])),
            seed.count == 33, let type = seed.first.flatMap(NoteSignatureType.init(rawValue:)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed.dropFirst())
        else {
            throw .malformed("a signer key is PRIVATE+KEY+<name>+<8 hex digits>+<base64 of the type byte and seed>")
        }
        try self.init(name: String(parts[2]), type: type, privateKey: key)
        guard verifier.keyID == id else {
            throw .malformed("the signer key of \(name) says key ID \(parts[3]); its key has another")
        }
    }

    /// The signer key's text: a secret, for a file only its owner reads.
    public var skey: String {
        "PRIVATE+KEY+\(name)+\(NoteVerifier.hex(verifier.keyID))+"
            + Data([verifier.type.rawValue] + seed).base64EncodedString()
    }

    /// The signature line of `text` by this key: Ed25519 over the text (c2sp.org/signed-note).
    ///
    /// - Throws: `NoteError.malformed` when the text cannot be a note's, or this is a cosigning key.
    public func sign(_ text: String) throws(NoteError) -> NoteSignature {
        try SignedNote.checkSignable(text)
        guard verifier.type == .ed25519 else {
            throw .malformed("\(name) is a witness's cosigning key; it cosigns checkpoints, it signs no note")
        }
        return NoteSignature(name: name, keyID: verifier.keyID, signature: try signature(of: Array(text.utf8)))
    }

    /// The Ed25519 signature of `message`.
    func signature(of message: [UInt8]) throws(NoteError) -> [UInt8] {
        do {
            return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: message))
        } catch {
            throw .malformed("the key of \(name) could not sign: \(error)")
        }
    }
}
