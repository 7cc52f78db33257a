import AccordCore
import Crypto

/// Making the keys checkpoints are signed and cosigned with: a fresh Ed25519 key from the system's random
/// source, which is why it is here and not in Core (which reads no clock and no randomness).
public enum CheckpointKeys {
    /// A new key named `name`: Accord's checkpoint key (`.ed25519`), or a witness's cosigning key
    /// (`.cosignature`).
    ///
    /// - Throws: `NoteError.malformed` for a name with a space or a plus sign.
    public static func generate(name: String, type: NoteSignatureType) throws -> NoteSigner {
        try NoteSigner(name: name, type: type, privateKey: Curve25519.Signing.PrivateKey())
    }
}
