import Foundation

/// The canonical JSON of the ledger and the projections: RFC 8785, the JSON Canonicalization Scheme (JCS),
/// restricted to what Accord writes. `docs/ledger-encoding.md` is the specification; this is its one writer
/// and its one reader.
///
/// The writer encodes a value into a small tree (`JSONNode`) through `Encodable`, then serializes the tree:
/// no whitespace, object members ordered by their keys' UTF-16 code units, strings escaped as JCS escapes
/// them, integers in decimal. Anything JCS would write ambiguously (a fraction, an integer beyond ±(2^53 − 1),
/// a key written twice, a value that writes nothing) is refused rather than guessed.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a value the canonical form does not write.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: TreeEncoder(node: root))
        var bytes: [UInt8] = []
        try root.write(to: &bytes)
        return bytes
    }

    /// Reads a `T` from its canonical bytes with Foundation's `JSONDecoder`, and refuses bytes that are not
    /// exactly what `encode` writes for the value read: non-canonical bytes never verify.
    ///
    /// - Throws: `DecodingError` when the bytes are not JSON of a `T`, or not in canonical form.
    public static func decode<T: Codable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let input = Array(bytes)
        let value = try JSONDecoder().decode(T.self, from: Data(input))
        // What the value re-encodes to must be the input itself: other spacing, key order, escapes or number
        // forms, a key the type does not read, or one written twice all fail here.
        guard try encode(value) == input else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [],
                    debugDescription: "the JSON is not in Accord's canonical form (docs/ledger-encoding.md)"))
        }
        return value
    }
}

/// One value of the tree being encoded: containers hand it out by reference, because a nested container
/// may be filled after its parent has moved on. Objects keep their members in the order written until the
/// node is serialized.
final class JSONNode {
    enum Content {
        case empty
        case null
        case bool(Bool)
        case integer(Int64)
        case string(String)
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
        /// Two different kinds of JSON asked of the same value: the value is refused.
        case conflicting
    }

    var content = Content.empty

    /// The largest magnitude an integer may have: every integer up to it is exactly one IEEE 754 double, so
    /// any JSON reader reads it back as written (I-JSON, RFC 7493 §2.2).
    static let largestInteger: Int64 = (1 << 53) - 1

    /// Appends the canonical bytes of the value.
    func write(to bytes: inout [UInt8]) throws {
        switch content {
        case .empty: throw Self.refusal("a value wrote nothing; the canonical form has no default")
        case .conflicting: throw Self.refusal("a value was written as two different kinds of JSON")
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        case .string(let text): Self.write(text, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try element.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            // JCS orders members by their keys as arrays of UTF-16 code units, whatever the locale.
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in sorted.enumerated() {
                if index > 0 {
                    guard !member.key.utf16.elementsEqual(sorted[index - 1].key.utf16) else {
                        throw Self.refusal("the key '\(member.key)' is written twice")
                    }
                    bytes.append(UInt8(ascii: ","))
                }
                Self.write(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try member.node.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A string as JCS writes it (ECMAScript's `JSON.stringify`): the quotation mark and the backslash
    /// escaped, the five control characters with a short escape as such, the other controls as `\u00xx` in
    /// lower-case hex, and everything else as its UTF-8 bytes.
    private static func write(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            // Nearly every string: nothing to escape, so its bytes are copied whole.
            bytes.append(contentsOf: text.utf8)
        } else {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Makes the value an object (unless it is one already) and returns the node of a new member.
    func member(_ key: String) -> JSONNode {
        let node = JSONNode()
        switch content {
        case .empty: content = .object([(key, node)])
        case .object(var members):
            // Emptied first, so that the array is not shared and grows in place.
            content = .empty
            members.append((key, node))
            content = .object(members)
        default: content = .conflicting
        }
        return node
    }

    /// Makes the value an array (unless it is one already) and returns the node of a new element.
    func element() -> JSONNode {
        let node = JSONNode()
        switch content {
        case .empty: content = .array([node])
        case .array(var elements):
            content = .empty
            elements.append(node)
            content = .array(elements)
        default: content = .conflicting
        }
        return node
    }

    /// Marks the value as an object or an array when its container is asked for, so that an empty one is
    /// written as `{}` or `[]`.
    func open(asObject: Bool) {
        switch (content, asObject) {
        case (.empty, true): content = .object([])
        case (.empty, false): content = .array([])
        case (.object, true), (.array, false): break
        default: content = .conflicting
        }
    }

    func set(_ value: Content) {
        if case .empty = content { content = value } else { content = .conflicting }
    }

    static func refusal(_ reason: String) -> EncodingError {
        .invalidValue((), .init(codingPath: [], debugDescription: reason))
    }
}

/// The `Encoder` handed to each value's `encode(to:)`.
///
/// It keeps no coding path: a refusal names the value instead, and building a path for every value would cost
/// an array per value on every append and every verify.
private struct TreeEncoder: Encoder, SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.open(asObject: true)
        return KeyedEncodingContainer(TreeObject<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.open(asObject: false)
        return TreeArray(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() { node.set(.null) }
    func encode(_ value: Bool) { node.set(.bool(value)) }
    func encode(_ value: String) { node.set(.string(value)) }
    func encode(_ value: Double) throws { throw JSONNode.refusal("\(value): the canonical form has integers only") }
    func encode(_ value: Float) throws { throw JSONNode.refusal("\(value): the canonical form has integers only") }
    func encode(_ value: Int) throws { try integer(value) }
    func encode(_ value: Int8) throws { try integer(value) }
    func encode(_ value: Int16) throws { try integer(value) }
    func encode(_ value: Int32) throws { try integer(value) }
    func encode(_ value: Int64) throws { try integer(value) }
    func encode(_ value: UInt) throws { try integer(value) }
    func encode(_ value: UInt8) throws { try integer(value) }
    func encode(_ value: UInt16) throws { try integer(value) }
    func encode(_ value: UInt32) throws { try integer(value) }
    func encode(_ value: UInt64) throws { try integer(value) }

    func encode<T: Encodable>(_ value: T) throws {
        // Foundation's types that JSONEncoder writes in a form of its own choosing have no canonical form here.
        guard T.self != Date.self, T.self != Data.self, T.self != URL.self, T.self != Decimal.self else {
            throw JSONNode.refusal("\(T.self) has no canonical form in Accord")
        }
        try value.encode(to: self)
    }

    private func integer(_ value: some BinaryInteger) throws {
        guard let integer = Int64(exactly: value), integer.magnitude <= JSONNode.largestInteger.magnitude else {
            throw JSONNode.refusal("\(value) is beyond ±(2^53 − 1), which JSON readers cannot all read exactly")
        }
        node.set(.integer(integer))
    }
}

private struct TreeObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }

    private func encoder(_ key: String) -> TreeEncoder { TreeEncoder(node: node.member(key)) }

    func encodeNil(forKey key: Key) { encoder(key.stringValue).encodeNil() }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder(key.stringValue).encode(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder(key.stringValue).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(key.stringValue).unkeyedContainer()
    }

    func superEncoder() -> any Encoder { encoder("super") }
    func superEncoder(forKey key: Key) -> any Encoder { encoder(key.stringValue) }
}

private struct TreeArray: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }

    var count: Int {
        if case .array(let elements) = node.content { elements.count } else { 0 }
    }

    private func encoder() -> TreeEncoder { TreeEncoder(node: node.element()) }

    func encodeNil() { encoder().encodeNil() }

    func encode<T: Encodable>(_ value: T) throws { try encoder().encode(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder().container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder().unkeyedContainer() }

    func superEncoder() -> any Encoder { encoder() }
}
