import AccordCore
import Testing

@Suite("HashChain")
struct HashChainTests {
    // The expected digests were computed outside Swift, e.g.
    //   (head -c 32 /dev/zero; printf abc) | sha256sum
    // so the test does not reuse the code it checks.
    static let genesisThenABC = "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370"
    static let genesisAlone = "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
    static let oneThenABC = "86cd26870c895d5a03568380fdb49bf9939a68f81868c2217c18b9871368e340"

    @Test("the genesis hash stands for 32 zero bytes")
    func genesis() {
        #expect(HashChain.genesis == String(repeating: "0", count: 64))
        #expect(HashChain.hash(previous: HashChain.genesis, entry: [UInt8]()) == Self.genesisAlone)
    }

    @Test("hashes the previous hash as raw bytes, then the entry")
    func knownVectors() {
        #expect(HashChain.hash(previous: HashChain.genesis, entry: "abc".utf8) == Self.genesisThenABC)
        #expect(HashChain.hash(previous: HashChain.genesis, entry: Array("abc".utf8)) == Self.genesisThenABC)
        let previous = "01" + String(repeating: "0", count: 62)
        #expect(HashChain.hash(previous: previous, entry: "abc".utf8) == Self.oneThenABC)
        // Upper-case hex names the same bytes.
        #expect(HashChain.hash(previous: previous.uppercased(), entry: "abc".utf8) == Self.oneThenABC)
    }

    @Test("a digest is 64 lower-case hexadecimal digits, and nothing else")
    func digestForm() {
        #expect(HashChain.isDigest(Self.genesisThenABC))
        #expect(HashChain.isDigest(HashChain.digest(of: "abc".utf8)))
        #expect(!HashChain.isDigest(Self.genesisThenABC.uppercased()))
        #expect(!HashChain.isDigest(Self.genesisThenABC.dropLast()))
        #expect(!HashChain.isDigest(Self.genesisThenABC + "0"))
        #expect(!HashChain.isDigest("g" + Self.genesisThenABC.dropFirst()))
        #expect(!HashChain.isDigest("../" + Self.genesisThenABC.dropFirst(3)))
        #expect(!HashChain.isDigest(""))
    }

    @Test("hashes a collection without contiguous storage the same way")
    func nonContiguous() {
        // A lazy map offers no contiguous buffer, so this takes the copying path.
        let lazy = Array("abc".utf8).lazy.map { $0 }
        #expect(HashChain.hash(previous: HashChain.genesis, entry: lazy) == Self.genesisThenABC)
    }

    @Test("changing any one byte of the entry or the previous hash changes the hash")
    func everyByteCounts() {
        let entry = Array(#"{"change":{"kind":"add-body"},"sequence":1}"#.utf8)
        let original = HashChain.hash(previous: HashChain.genesis, entry: entry)
        for index in entry.indices {
            var altered = entry
            altered[index] ^= 0x01
            #expect(HashChain.hash(previous: HashChain.genesis, entry: altered) != original, "byte \(index)")
        }
        #expect(HashChain.hash(previous: Self.genesisAlone, entry: entry) != original)
        #expect(HashChain.hash(previous: HashChain.genesis, entry: entry + [0x20]) != original)
    }

    @Test("writes 64 lower-case hex digits")
    func shape() {
        let hash = HashChain.hash(previous: HashChain.genesis, entry: "Puebla".utf8)
        #expect(hash.count == 64)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("a chain changes from the altered entry on, and not before")
    func chain() throws {
        let entries = (1...6).map { Array("entry \($0)".utf8) }
        let hashes = Self.chain(entries)
        for k in entries.indices {
            var altered = entries
            altered[k][0] ^= 0x80
            let rehashed = Self.chain(altered)
            #expect(rehashed[..<k] == hashes[..<k])
            for index in k..<entries.count { #expect(rehashed[index] != hashes[index], "entry \(index)") }
        }
    }

    /// The hash after each entry, starting from genesis, as the store chains them.
    static func chain(_ entries: [[UInt8]]) -> [String] {
        var previous = HashChain.genesis
        return entries.map { entry in
            previous = HashChain.hash(previous: previous, entry: entry)
            return previous
        }
    }
}
