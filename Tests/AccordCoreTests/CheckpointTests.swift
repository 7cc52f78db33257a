import Crypto
import Foundation
import Testing

@testable import AccordCore

/// Checkpoints of the ledger as signed notes: the format read and written byte for byte as the reference
/// implementation does, a forged or altered checkpoint refused, a witness's cosignature checked.
@Suite("Checkpoints and signed notes")
struct CheckpointTests {
    // The example of Go's golang.org/x/mod/sumdb/note, the reference implementation of c2sp.org/signed-note.
    static let goSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let goVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let goText =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let goSignature =
        "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="

    @Test("the reference implementation's keys and note are read, and its signature verifies")
    func readsTheReferenceExample() throws {
        let signer = try NoteSigner(skey: Self.goSigner)
        #expect(signer.verifier.vkey == Self.goVerifier)
        #expect(signer.skey == Self.goSigner)
        let verifier = try NoteVerifier(vkey: Self.goVerifier)
        #expect(verifier.keyID == 0xc74f_20a3)

        let note = try SignedNote(parsing: Self.goText + "\n" + Self.goSignature + "\n")
        #expect(note.text == Self.goText)
        #expect(note.signatures.count == 1)
        #expect(verifier.verifies(note.signatures[0], message: Array(Self.goText.utf8)))
        #expect(note.description == Self.goText + "\n" + Self.goSignature + "\n")
        // Ed25519 is deterministic (RFC 8032) where swift-crypto signs with BoringSSL, as on Linux: the same
        // key over the same text gives the reference's very bytes. (CryptoKit on Apple systems adds randomness.)
        #if os(Linux)
            #expect(try signer.sign(Self.goText).line == Self.goSignature)
        #endif
        #expect(verifier.verifies(try signer.sign(Self.goText), message: Array(Self.goText.utf8)))
    }

    @Test("keys with a wrong key ID, type or length are refused")
    func refusesMangledKeys() {
        // The reference's own bad keys: a key of the wrong length, and an unknown algorithm, each with a key ID
        // made to match.
        #expect(throws: NoteError.self) {
            try NoteVerifier(vkey: "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")
        }
        #expect(throws: NoteError.self) {
            try NoteVerifier(vkey: "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(throws: NoteError.self) {
            try NoteVerifier(vkey: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(throws: NoteError.self) {
            try NoteSigner(skey: Self.goSigner.replacingOccurrences(of: "c74f20a3", with: "c74f20a4"))
        }
        #expect(throws: NoteError.self) { try NoteSigner(skey: "PRIVATE+KEY+a b+c74f20a3+AYEK") }
    }

    @Test("malformed notes are refused, saying why")
    func refusesMalformedNotes() {
        for (note, reason) in [
            ("text\n", "blank line"), ("text\n\n", "at least one signature"),
            ("text\n\n\u{2014} name\n", "<key name> <base64"), ("text\n\n-- name AAAAAAA=\n", "em dash"),
            ("text\r\n\n\u{2014} name AAAAAAAA\n", "control character"),
            ("text\n\n\u{2014} na+me AAAAAAAA\n", "plus sign"),
        ] {
            #expect {
                try SignedNote(parsing: note)
            } throws: { error in
                "\(error)".contains(reason)
            }
        }
    }

    static func ledgerKey(_ name: String = "rcm.example.org/accord") throws -> NoteSigner {
        try NoteSigner(name: name, type: .ed25519, privateKey: Curve25519.Signing.PrivateKey())
    }

    static let head = Checkpoint(
        origin: "rcm.example.org/accord", size: 1042, hash: String(repeating: "ab", count: 32),
        time: Timestamp("2026-11-23T20:31:05.123Z")!)

    @Test("a checkpoint is a tlog checkpoint: origin, size, base64 root hash, then Accord's time line")
    func checkpointText() throws {
        let key = try Self.ledgerKey()
        let signed = try SignedCheckpoint.sign(Self.head, with: key)
        let lines = signed.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "rcm.example.org/accord")
        #expect(lines[1] == "1042")
        #expect(lines[2] == Data(repeating: 0xab, count: 32).base64EncodedString())
        #expect(lines[3] == "time 2026-11-23T20:31:05.123Z")
        #expect(lines[4] == "")
        #expect(lines[5].hasPrefix("\u{2014} rcm.example.org/accord "))

        let read = try SignedCheckpoint(parsing: signed.description)
        #expect(read == signed)
        #expect(read.checkpoint == Self.head)
        try read.verify(key.verifier)
        // An empty ledger: size 0 and the genesis hash.
        let empty = Checkpoint(origin: key.name, size: 0, hash: HashChain.genesis, time: Self.head.time)
        #expect(try Checkpoint(text: empty.text) == empty)
    }

    @Test("an altered checkpoint, or one signed by another key, is refused")
    func refusesForgery() throws {
        let key = try Self.ledgerKey()
        let signed = try SignedCheckpoint.sign(Self.head, with: key)
        // The size moved back by one, the signature kept: what a truncated ledger would want to show.
        let altered = signed.description.replacingOccurrences(of: "\n1042\n", with: "\n1041\n")
        #expect(throws: NoteError.badSignature(key.name)) {
            try SignedCheckpoint(parsing: altered).verify(key.verifier)
        }
        // A checkpoint made by someone else's key of the same name does not verify with Accord's.
        let impostor = try SignedCheckpoint.sign(Self.head, with: try Self.ledgerKey())
        #expect(throws: NoteError.notSignedBy(key.verifier.vkey)) { try impostor.verify(key.verifier) }
        // A key of another name cannot sign for this ledger.
        #expect(throws: NoteError.self) { try SignedCheckpoint.sign(Self.head, with: try Self.ledgerKey("other")) }
    }

    @Test("a witness cosigns a checkpoint: the cosignature verifies with its key, and with no other")
    func witnessCosignature() throws {
        let key = try Self.ledgerKey()
        let witness = try NoteSigner(
            name: "mex.example/witness", type: .cosignature, privateKey: Curve25519.Signing.PrivateKey())
        let signed = try SignedCheckpoint.sign(Self.head, with: key)
        let cosigned = try signed.cosigned(by: witness, at: 1_795_000_000)

        // The cosigned note is still Accord's checkpoint: its own signature verifies, and the witness's line
        // is a timestamped Ed25519 signature (8 + 64 bytes) that verifies with the witness's verifier key.
        let read = try SignedCheckpoint(parsing: cosigned.description)
        try read.verify(key.verifier)
        let cosignature = try read.cosignature(by: try NoteVerifier(vkey: witness.verifier.vkey))
        #expect(cosignature.time == 1_795_000_000)
        #expect(cosignature.line.signature.count == 72)
        #expect(read.note.signatures.count == 2)

        // Another witness did not cosign; a cosignature moved onto another checkpoint does not verify.
        let other = try NoteSigner(name: "can.example/witness", type: .cosignature, privateKey: .init())
        #expect(throws: NoteError.notSignedBy(other.verifier.vkey)) { try read.cosignature(by: other.verifier) }
        var moved = try SignedCheckpoint.sign(
            Checkpoint(origin: key.name, size: 1043, hash: Self.head.hash, time: Self.head.time), with: key)
        moved.note.signatures.append(read.note.signatures[1])
        #expect(throws: NoteError.badSignature(witness.name)) { try moved.cosignature(by: witness.verifier) }
        // A witness's key signs no checkpoint of its own, and Accord's key cosigns nothing.
        #expect(throws: NoteError.self) { try witness.sign(Self.head.text) }
        #expect(throws: NoteError.self) { try signed.cosigned(by: key, at: 1) }
    }
}
