import Foundation

/// A signed note, as C2SP specifies it (c2sp.org/signed-note): a text ending in a newline, a blank line, and
/// one or more signature lines `— <key name> <base64(32-bit key ID || signature)>`.
///
/// The format is the one transparency logs and their witnesses exchange (Go's `golang.org/x/mod/sumdb/note`
/// is its reference implementation), so a checkpoint of Accord's ledger is read by their tools too.
public struct SignedNote: Sendable, Hashable, CustomStringConvertible {
    /// The signed text, its final newline included.
    public var text: String
    /// The signature lines, in order.
    public var signatures: [NoteSignature]

    /// The most signatures a note may carry: Go's implementation refuses more than 100, and a witness list
    /// longer than that is not a note anyone will check.
    public static let maximumSignatures = 100

    public init(text: String, signatures: [NoteSignature] = []) {
        self.text = text
        self.signatures = signatures
    }

    /// Reads a note: the text is separated from the signatures by its last blank line.
    ///
    /// - Throws: `NoteError.malformed` saying what is wrong: a control character, no signature, a line that is
    ///   not a signature, a text that does not end in a newline.
    public init(parsing note: String) throws(NoteError) {
        guard !note.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
            throw .malformed("a note holds no control character but newlines")
        }
        guard note.hasSuffix("\n") else { throw .malformed("a note ends with a newline") }
        guard let split = note.range(of: "\n\n", options: .backwards) else {
            throw .malformed("a note's text is followed by a blank line and its signature lines")
        }
        let text = String(note[..<split.lowerBound]) + "\n"
        let lines = note[split.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard !lines.isEmpty else { throw .malformed("a note carries at least one signature line") }
        guard lines.count <= Self.maximumSignatures else {
            throw .malformed("a note carries at most \(Self.maximumSignatures) signatures")
        }
        var signatures: [NoteSignature] = []
        for line in lines { signatures.append(try NoteSignature(parsing: String(line))) }
        self.init(text: text, signatures: signatures)
    }

    /// The note as it is exchanged: the text, a blank line, one signature a line.
    public var description: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// Checks that the text can be signed: not empty, ending in one newline, no blank line at its end and no
    /// control character but newlines.
    static func checkSignable(_ text: String) throws(NoteError) {
        guard text.hasSuffix("\n"), !text.hasSuffix("\n\n"), text.count > 1 else {
            throw .malformed("a note's text is not empty and ends with exactly one newline")
        }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
            throw .malformed("a note holds no control character but newlines")
        }
    }
}

/// One signature line of a note: the signer's key name, its key ID, and the signature bytes.
public struct NoteSignature: Sendable, Hashable {
    /// The key name, "accord.example.org/rcm".
    public var name: String
    /// The first four bytes of the SHA-256 of the key's name, type and public key, big-endian.
    public var keyID: UInt32
    /// What follows the key ID: an Ed25519 signature (64 bytes), or a cosignature's timestamp and signature.
    public var signature: [UInt8]

    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// Reads `— <key name> <base64(key ID || signature)>`.
    ///
    /// - Throws: `NoteError.malformed` naming what the line lacks.
    public init(parsing line: String) throws(NoteError) {
        guard line.hasPrefix("\u{2014} ") else {
            throw .malformed("a signature line starts with an em dash and a space: '\(line.prefix(40))'")
        }
        let parts = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .malformed("a signature line is '— <key name> <base64 signature>': '\(line.prefix(40))'")
        }
        let name = String(parts[0])
        try NoteKeyName.check(name)
        guard let bytes = Data(base64Encoded: String(parts[1])).map(Array.init), bytes.count > 4 else {
            throw .malformed("the signature of \(name) is not base64 of a key ID and a signature")
        }
        self.init(name: name, keyID: UInt32(bigEndianBytes: bytes[0..<4]), signature: Array(bytes[4...]))
    }

    /// The line as a note carries it, without its newline.
    public var line: String {
        "\u{2014} \(name) " + Data(keyID.bigEndianBytes + signature).base64EncodedString()
    }
}

/// Why a note, a key or a checkpoint is refused.
public enum NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not a well-formed note, key or checkpoint; the reason says what is wrong.
    case malformed(String)
    /// No signature line of the note is by the key looked for: it may be signed, but not by whom it should be.
    case notSignedBy(String)
    /// A signature line names the key looked for (name and key ID) but does not verify: the text was changed
    /// after it was signed, or the signature was made by another key.
    case badSignature(String)

    public var description: String {
        switch self {
        case .malformed(let reason): reason
        case .notSignedBy(let key): "no signature of the note is by \(key)"
        case .badSignature(let key): "the signature by \(key) does not verify: the note was changed or forged"
        }
    }
}

/// The rule for key names (c2sp.org/signed-note): not empty, and no Unicode space or plus sign.
enum NoteKeyName {
    static func check(_ name: String) throws(NoteError) {
        guard !name.isEmpty,
            !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "+" || $0.value < 0x20 })
        else {
            throw .malformed("a key name is not empty and holds no space or plus sign: '\(name.prefix(40))'")
        }
    }
}

extension UInt32 {
    /// The value of four bytes in big-endian order.
    init(bigEndianBytes bytes: some Collection<UInt8>) {
        self = bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The four bytes of the value, most significant first.
    var bigEndianBytes: [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: self >> $0) } }
}

extension UInt64 {
    /// The value of eight bytes in big-endian order.
    init(bigEndianBytes bytes: some Collection<UInt8>) {
        self = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The eight bytes of the value, most significant first.
    var bigEndianBytes: [UInt8] { stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: self >> $0) } }
}
