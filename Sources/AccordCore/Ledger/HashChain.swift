import Crypto

/// The hash chain over the ledger: each entry's hash covers the previous hash and the entry's canonical bytes,
/// so changing, removing or reordering any entry changes every hash after it.
public enum HashChain {
    /// The "previous hash" of the first entry: 32 zero bytes.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over the previous hash (as 32 raw bytes) followed by the entry's canonical bytes, in lower-case hex.
    public static func hash(previous: String, entry: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        // A malformed previous hash hashes as nothing, which no stored hash matches.
        hasher.update(data: raw(hex: previous.utf8) ?? [])
        entry.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            ?? hasher.update(data: Array(entry))
        return hex(hasher.finalize())
    }

    /// Plain SHA-256 of `bytes`, in lower-case hex: for comparing documents by digest.
    public static func digest(of bytes: some Collection<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// Whether `text` is a SHA-256 as Accord writes one: 64 lower-case hexadecimal digits. The one test of a
    /// digest's form, for the rules (the digest an entry names) and the files folder (the names it reads) alike.
    public static func isDigest(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The 32 bytes a 64-digit hex hash stands for, or nil when it is not one.
    static func raw(hex: some Collection<UInt8>) -> [UInt8]? {
        let digits = Array(hex)
        guard digits.count == 64 else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        for index in out.indices {
            guard let high = nibble(digits[2 * index]), let low = nibble(digits[2 * index + 1]) else { return nil }
            out[index] = high << 4 | low
        }
        return out
    }

    /// The value of one hex digit, either case.
    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: digit - 48
        case 97...102: digit - 87
        case 65...70: digit - 55
        default: nil
        }
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
