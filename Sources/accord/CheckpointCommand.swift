import AccordCore
import AccordServices
import AccordStore
import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `accord checkpoint`: the key that signs checkpoints of the ledger's head, and the checkpoints themselves.
struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Make checkpoint keys; sign, show and cosign checkpoints of the ledger's head.",
        discussion: """
            A checkpoint is a signed note (c2sp.org/tlog-checkpoint) of the ledger's size and the hash of its \
            last entry. Keep copies outside the database: `accord verify --checkpoint` then proves the ledger \
            still extends them.
            """,
        subcommands: [Key.self, Sign.self, Show.self, Cosign.self])

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a signing key: written to a new file only its owner can read; its public key is printed.",
            discussion: """
                Give the file to `accord serve --checkpoint-key FILE` (or ACCORD_CHECKPOINT_KEY). Keep it \
                outside the database and its backups: whoever holds it can sign for the ledger. With --witness, \
                a delegate's cosigning key: register the printed public key with `accord user witness-key`.
                """)
        @Option(help: "The file to write the private key to; it must not exist.") var out: String
        @Option(
            help: "The key's name, which is the checkpoints' origin: a schema-less URL, e.g. rcm.example.org/accord.")
        var name = "accord/ledger"
        @Flag(help: "Make a witness's cosigning key (type 0x04) instead of the ledger's signing key.")
        var witness = false

        func run() async throws {
            let key = try note { try CheckpointKeys.generate(name: name, type: witness ? .cosignature : .ed25519) }
            try writeSecret(key.skey + "\n", to: out)
            print(key.verifier.vkey)
        }
    }

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a checkpoint of the ledger's head now, keep it, and print it.",
            discussion: "What the server does after every write, for an installation that writes with the CLI.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The signing key's file.") var key: String

        func run() async throws {
            let signer = try readSignerKey(key)
            let signed = try await withStore(try database.location(), logger: makeLogger()) { store in
                do {
                    return try await store.signCheckpoint(with: signer)
                } catch let error as CheckpointError {
                    throw Failure(description: "accord: \(error)")
                }
            }
            print(signed.signed.description, terminator: "")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the newest checkpoint kept, with its witnesses' cosignatures.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let latest = try await withStore(try database.location(), logger: makeLogger()) {
                try await $0.latestCheckpoint()
            }
            guard let latest else {
                throw Failure(description: "accord: no checkpoint is kept; sign one with `accord checkpoint sign`")
            }
            print(latest.signed.description, terminator: "")
        }
    }

    struct Cosign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cosign a checkpoint as a witness, and print it with the cosignature added.",
            discussion: """
                Before cosigning, check that the ledger extends the last checkpoint you cosigned (the hashes \
                at /api/v1/ledger/hashes, or the entries a delegation reads at /api/v1/ledger). Submit the \
                result as the delegation's account: POST /api/v1/ledger/checkpoint/cosignatures {"note": "…"}.
                """)
        @Option(help: "The witness's cosigning key's file.") var key: String
        @Option(help: "The checkpoint: a file, or the URL it is served at (…/api/v1/ledger/checkpoint).")
        var checkpoint: String
        @Option(name: .customLong("log-key"), help: "The ledger's public key: the checkpoint must verify with it.")
        var logKey: String?

        func run() async throws {
            let witness = try readSignerKey(key)
            let text = try await readText(checkpoint)
            let signed = try note { try SignedCheckpoint(parsing: text) }
            if let logKey { try note { try signed.verify(try NoteVerifier(vkey: try publicKeyText(logKey))) } }
            let now = UInt64(max(0, Date().timeIntervalSince1970))
            print(try note { try signed.cosigned(by: witness, at: now) }.description, terminator: "")
        }
    }
}

/// Runs `body`, turning a malformed note or key into a clean message.
func note<R>(_ body: () throws -> R) throws -> R {
    do {
        return try body()
    } catch let error as NoteError {
        throw Failure(description: "accord: \(error)")
    }
}

/// Reads a signing key from `path`, refusing a file that others than its owner may read.
func readSignerKey(_ path: String) throws -> NoteSigner {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
    else { throw Failure(description: "accord: cannot read the key file \(path)") }
    guard mode & 0o077 == 0 else {
        throw Failure(
            description: "accord: the key file \(path) can be read by others (mode \(String(mode, radix: 8))); "
                + "`chmod 600 \(path)`, and make a new key if anyone may have copied it")
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw Failure(description: "accord: cannot read the key file \(path)")
    }
    return try note { try NoteSigner(skey: text) }
}

/// Writes `text` to a new file at `path` that only its owner may read; an existing file is never replaced.
func writeSecret(_ text: String, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
        throw Failure(
            description: "accord: cannot create \(path)"
                + (errno == EEXIST ? ": it exists, and a key file is never replaced" : ""))
    }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    guard write(descriptor, bytes, bytes.count) == bytes.count else {
        throw Failure(description: "accord: cannot write \(path)")
    }
}

/// A public key given on the command line: its verifier key text, or a file that holds it.
func publicKeyText(_ value: String) throws -> String {
    if value.contains("+") { return value }
    guard let text = try? String(contentsOfFile: value, encoding: .utf8) else {
        throw Failure(
            description: "accord: a public key is a verifier key (name+id+key) or a file holding one: \(value)")
    }
    return text
}

/// The text of a file, or of what a URL serves.
func readText(_ source: String) async throws -> String {
    if source.hasPrefix("http://") || source.hasPrefix("https://") {
        guard let url = URL(string: source) else { throw Failure(description: "accord: not a URL: \(source)") }
        let (data, response) = try await URLSession.shared.data(from: url)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw Failure(description: "accord: \(source) answered \(status)") }
        return String(decoding: data, as: UTF8.self)
    }
    guard let text = try? String(contentsOfFile: source, encoding: .utf8) else {
        throw Failure(description: "accord: cannot read \(source)")
    }
    return text
}
