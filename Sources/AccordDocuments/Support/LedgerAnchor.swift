import AccordCore

/// What a generated document prints in its footer so that anyone can check it against the ledger: the signed
/// checkpoint that covers the ledger position the document shows (`accord verify --checkpoint`, or the
/// hashes at /api/v1/ledger/hashes), or, where no checkpoint is signed, that position and its hash.
public struct LedgerAnchor: Sendable, Hashable {
    /// The ledger position the document shows.
    public var position: Int64
    /// The hash of the entry at `position`, in lower-case hex.
    public var hash: String
    /// The first checkpoint signed at or after `position`: its size is at least `position`, so it commits to
    /// every entry the document is made from.
    public var checkpoint: Checkpoint?

    public init(position: Int64, hash: String, checkpoint: Checkpoint?) {
        self.position = position
        self.hash = hash
        self.checkpoint = checkpoint
    }

    /// The footer line in each of `languages`.
    func phrase(_ languages: DocumentLanguages) -> Phrase {
        Phrase(languages) { language in
            guard let checkpoint else {
                let unsigned = language.pick(
                    (
                        "Registro: entrada \(position), hash SHA-256 \(hash); sin punto de control firmado",
                        "Ledger: entry \(position), SHA-256 hash \(hash); no signed checkpoint",
                        "Registre : entrée \(position), empreinte SHA-256 \(hash) ; aucun point de contrôle signé"
                    ))
                return unsigned
            }
            let size = checkpoint.size
            let time = checkpoint.time
            let origin = checkpoint.origin
            let hash = checkpoint.hash
            return language.pick(
                (
                    "Punto de control del registro: entrada \(size), hash SHA-256 \(hash), firmado por \(origin) "
                        + "el \(time)",
                    "Ledger checkpoint: entry \(size), SHA-256 hash \(hash), signed by \(origin) on \(time)",
                    "Point de contrôle du registre : entrée \(size), empreinte SHA-256 \(hash), signé par \(origin) "
                        + "le \(time)"
                ))
        }
    }
}
