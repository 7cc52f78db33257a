import AccordCore
import Foundation

/// A JSON decoder for the documents the store writes: parsed once into a flat list of values, then decoded
/// without building a dictionary or a string per key.
///
/// Foundation's `JSONDecoder` spends most of its time outside the parsing: each object becomes a dictionary
/// of its keys, and every value passes through boxes and generic lookups. Here an object's keys are compared
/// in place, as bytes, and only the values asked for become Swift values.
struct DocumentDecoder {
    /// Decodes a `T` from UTF-8 JSON.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let document = try JSONDocument(bytes)
        return try T(from: ValueDecoder(document: document, index: 0, codingPath: []))
    }

    /// Decodes a ledger entry, by hand where it has the shape the store writes (see `DirectDecoding`).
    static func decode(_ type: LedgerEntry.Type, from bytes: some Collection<UInt8>) throws -> LedgerEntry {
        let document = try JSONDocument(bytes)
        if let entry = LedgerEntry(document, at: 0) { return entry }
        return try LedgerEntry(from: ValueDecoder(document: document, index: 0, codingPath: []))
    }

    /// Decodes a plan item, by hand where it has the shape the store writes (see `DirectDecoding`).
    static func decode(_ type: PlanItem.Type, from bytes: some Collection<UInt8>) throws -> PlanItem {
        let document = try JSONDocument(bytes)
        if let item = PlanItem(document, at: 0) { return item }
        return try PlanItem(from: ValueDecoder(document: document, index: 0, codingPath: []))
    }
}

/// The decoder of one value of a document: small enough to be passed without allocating.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let document: JSONDocument
    let index: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.node(index).kind == .object else { throw mismatch([String: Any].self, "an object") }
        return KeyedDecodingContainer(ObjectContainer<Key>(document: document, index: index, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.node(index).kind == .array else { throw mismatch([Any].self, "an array") }
        return ArrayContainer(document: document, index: index, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
    }

    func decodeNil() -> Bool { document.node(index).kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch document.node(index).kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(type, "a Boolean")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        do { return try document.string(index) } catch { throw mismatch(type, "a string") }
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let text = document.numberText(index), let value = Double(text) else { throw mismatch(type, "a number") }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int64.Type) throws -> Int64 {
        guard let value = document.integer(index) else { throw mismatch(type, "an integer") }
        return value
    }

    func decode<I: FixedWidthInteger & Decodable>(integer type: I.Type) throws -> I {
        guard let value = I(exactly: try decode(Int64.self)) else { throw mismatch(type, "a smaller integer") }
        return value
    }

    func decode(_ type: Int.Type) throws -> Int { try decode(integer: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(integer: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(integer: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(integer: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(integer: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(integer: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(integer: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(integer: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(integer: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: JSONDocument
    let index: Int
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        var keys: [Key] = []
        var child = index + 1
        for _ in 0..<document.node(index).start {
            if let name = try? document.string(child), let key = Key(stringValue: name) { keys.append(key) }
            child = Int(document.node(child + 1).next)
        }
        return keys
    }

    /// The index of the value under `key`, found by comparing the object's keys in place.
    private func value(_ key: Key) -> Int? { document.member(index, key.stringValue) }

    private func decoder(_ key: Key) throws -> ValueDecoder {
        guard let value = value(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no value for '\(key.stringValue)'"))
        }
        return ValueDecoder(document: document, index: value, codingPath: codingPath)
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).decode(type) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).decode(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = value(key), document.node(value).kind != .null else { return nil }
        return try ValueDecoder(document: document, index: value, codingPath: codingPath).decode(type)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = value(key), document.node(value).kind != .null else { return nil }
        return try ValueDecoder(document: document, index: value, codingPath: codingPath).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(document: document, index: index, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

private struct ArrayContainer: UnkeyedDecodingContainer {
    let document: JSONDocument
    let codingPath: [any CodingKey]
    let count: Int?
    private(set) var currentIndex = 0
    private var child: Int

    init(document: JSONDocument, index: Int, codingPath: [any CodingKey]) {
        self.document = document
        self.codingPath = codingPath
        count = Int(document.node(index).start)
        child = index + 1
    }

    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func next() throws -> ValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: codingPath, debugDescription: "the array has no more values"))
        }
        let decoder = ValueDecoder(document: document, index: child, codingPath: codingPath)
        child = Int(document.node(child).next)
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, document.node(child).kind == .null else { return false }
        _ = try next()
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}
