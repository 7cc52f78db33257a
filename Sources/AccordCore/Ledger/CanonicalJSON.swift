import Foundation

/// The canonical JSON of the ledger and the projections: sorted keys, no insignificant whitespace, slashes
/// unescaped — byte for byte what Foundation's `JSONEncoder` writes with `[.sortedKeys,
/// .withoutEscapingSlashes]`, in a fraction of its time.
///
/// Every append encodes its entry and each record it changes, and `verify` encodes every version of every
/// record again; Foundation builds a dictionary per object and casts every value on its way, which made
/// encoding most of the work of both. Here values are written straight into one buffer as they come, and
/// an object's members are put in key order when the object is finished.
///
/// The bytes must never differ from Foundation's, or stored rows written before would stop verifying. So
/// whatever is not written the same way here — floating-point numbers, dates, data, URLs, decimals, a key
/// written twice, a value that writes nothing, containers used out of nesting order — makes the whole
/// value go through `JSONEncoder` instead. A test holds the two to the same bytes for every kind of record.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let bytes = try writtenDirectly(value) { return bytes }
        return Array(try foundationEncoder().encode(value))
    }

    /// The canonical bytes of `value` as written here, or nil when it needs something only Foundation
    /// writes the canonical way.
    static func writtenDirectly<T: Encodable>(_ value: T) throws -> [UInt8]? {
        let writer = CanonicalWriter()
        try writer.encodeValue(value)
        return !writer.isUnsupported && writer.open.isEmpty ? writer.bytes : nil
    }

    /// Foundation's encoder set up as the canonical form: the reference the fast path must match.
    public static func foundationEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// The buffer being written, and the objects and arrays still open in it.
final class CanonicalWriter {
    /// A container still open: where its content starts, and for an object where its members' spans start.
    struct Open {
        var isObject: Bool
        var start: Int
        var firstMember: Int
        var count: Int
    }

    /// One member of an open object: its key, quoted and followed by a colon, at `keyStart..<valueStart`,
    /// then its value.
    struct Member {
        var keyStart: Int
        var valueStart: Int
    }

    // Unchecked: one writer serves one encoding on one thread, and checking every append for overlapping
    // access cost as much as the appending.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var open: [Open] = []
    @exclusivity(unchecked) var members: [Member] = []
    @exclusivity(unchecked) var scratch: [UInt8] = []
    /// Set when the value needs something only Foundation writes the canonical way.
    var isUnsupported = false

    init() {
        bytes.reserveCapacity(1_024)
    }

    /// Encodes one whole value and closes whatever it opened.
    ///
    /// The coding path is not tracked: nothing the canonical form encodes reads it, and tracking it would
    /// cost an array per value.
    func encodeValue<T: Encodable>(_ value: T) throws {
        // The types that write themselves (see `CanonicalDirect`) skip the Encoder's containers altogether.
        if let direct = value as? any CanonicalDirect {
            try direct.writeCanonical(to: self)
            return
        }
        try encodeCodable(value)
    }

    /// Encodes one whole value through its `encode(to:)`, even when it could write itself.
    func encodeCodable<T: Encodable>(_ value: T) throws {
        if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self || T.self == Decimal.self
        {
            isUnsupported = true
            return
        }
        let depth = open.count
        let start = bytes.count
        try value.encode(to: CanonicalValueEncoder(writer: self, depth: depth))
        close(downTo: depth)
        if bytes.count == start { isUnsupported = true }
    }

    func beginObject() -> Int {
        bytes.append(UInt8(ascii: "{"))
        open.append(Open(isObject: true, start: bytes.count, firstMember: members.count, count: 0))
        return open.count - 1
    }

    func beginArray() -> Int {
        bytes.append(UInt8(ascii: "["))
        open.append(Open(isObject: false, start: bytes.count, firstMember: 0, count: 0))
        return open.count - 1
    }

    /// Starts the next member of the container at `level`, which must be the innermost one still open.
    func beginMember(of level: Int, key: String?) {
        guard level == open.count - 1 else {
            // A container written to after a nested one was opened: the bytes would interleave.
            isUnsupported = true
            return
        }
        if let key {
            let keyStart = bytes.count
            // Keys are compared as written, which sorts like Foundation only when nothing in them is escaped.
            if writeString(key) { isUnsupported = true }
            bytes.append(UInt8(ascii: ":"))
            members.append(Member(keyStart: keyStart, valueStart: bytes.count))
        } else if open[level].count > 0 {
            bytes.append(UInt8(ascii: ","))
        }
        open[level].count += 1
    }

    /// Closes every container opened at `depth` or deeper, innermost first.
    func close(downTo depth: Int) {
        while open.count > depth {
            let container = open.removeLast()
            if container.isObject {
                closeObject(container)
            } else {
                bytes.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Rewrites an object's members in the order of their keys' UTF-8 bytes, with commas, and closes it.
    private func closeObject(_ object: Open) {
        let spans = members[object.firstMember...]
        members.removeSubrange(object.firstMember...)
        guard !spans.isEmpty else {
            bytes.append(UInt8(ascii: "}"))
            return
        }
        let end = bytes.count
        // Each member's bytes run from its key to the next member's key (or the end of the object).
        var ranges: [(key: Range<Int>, whole: Range<Int>)] = []
        ranges.reserveCapacity(spans.count)
        for (offset, member) in spans.enumerated() {
            let next = offset + 1 < spans.count ? spans[spans.startIndex + offset + 1].keyStart : end
            ranges.append((member.keyStart..<member.valueStart, member.keyStart..<next))
        }
        let sorted = bytes.withUnsafeBufferPointer { buffer in
            ranges.sorted { Self.precedes(buffer, $0.key, $1.key) }
        }
        for index in sorted.indices.dropFirst()
        where bytes[sorted[index].key] == bytes[sorted[index - 1].key] {
            // Foundation keeps the last value written for a key; that is rare enough to leave to it.
            isUnsupported = true
        }
        scratch.removeAll(keepingCapacity: true)
        for (offset, range) in sorted.enumerated() {
            if offset > 0 { scratch.append(UInt8(ascii: ",")) }
            scratch.append(contentsOf: bytes[range.whole])
        }
        bytes.replaceSubrange(object.start..<end, with: scratch)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Whether the key at `a` sorts before the key at `b`, both written with their quotes and nothing escaped.
    private static func precedes(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let count = min(a.count, b.count)
        for offset in 0..<count {
            let (x, y) = (buffer[a.lowerBound + offset], buffer[b.lowerBound + offset])
            if x != y {
                // The closing quote ends the shorter key, which sorts first.
                if x == UInt8(ascii: "\"") { return true }
                if y == UInt8(ascii: "\"") { return false }
                return x < y
            }
        }
        return a.count < b.count
    }

    /// A JSON string, escaped as Foundation escapes it: quote, backslash and control characters only.
    /// Returns whether anything was escaped.
    @discardableResult
    func writeString(_ text: String) -> Bool {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        var escaped = false
        text.withUTF8 { utf8 in
            var mark = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index]))
                mark = index + 1
                escaped = true
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
        }
        bytes.append(UInt8(ascii: "\""))
        return escaped
    }

    /// Bytes written as they are: the punctuation and keys of a type that writes itself.
    func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func writeInteger(_ value: some FixedWidthInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    func writeBool(_ value: Bool) {
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    func writeNull() {
        bytes.append(contentsOf: "null".utf8)
    }
}

/// The encoder handed to one value's `encode(to:)`.
private struct CanonicalValueEncoder: Encoder {
    let writer: CanonicalWriter
    /// How many containers were open when the value began: the one it opens is the next level.
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CanonicalObject<Key>(writer: writer, level: open(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalArray(writer: writer, level: open(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleValue(writer: writer, depth: depth, start: writer.bytes.count)
    }

    /// The level of the container this value opens: asking twice for a container gives the same one.
    private func open(object: Bool) -> Int {
        if writer.open.count > depth {
            if writer.open[depth].isObject != object { writer.isUnsupported = true }
            return depth
        }
        if writer.open.count < depth { writer.isUnsupported = true }
        return object ? writer.beginObject() : writer.beginArray()
    }
}

private struct CanonicalObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: CanonicalWriter
    let level: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) {
        writer.beginMember(of: level, key: key.stringValue)
        writer.writeNull()
    }

    func encode(_ value: Bool, forKey key: Key) {
        writer.beginMember(of: level, key: key.stringValue)
        writer.writeBool(value)
    }

    func encode(_ value: String, forKey key: Key) {
        writer.beginMember(of: level, key: key.stringValue)
        writer.writeString(value)
    }

    func encode(_ value: Int, forKey key: Key) { integer(value, key) }
    func encode(_ value: Int8, forKey key: Key) { integer(value, key) }
    func encode(_ value: Int16, forKey key: Key) { integer(value, key) }
    func encode(_ value: Int32, forKey key: Key) { integer(value, key) }
    func encode(_ value: Int64, forKey key: Key) { integer(value, key) }
    func encode(_ value: UInt, forKey key: Key) { integer(value, key) }
    func encode(_ value: UInt8, forKey key: Key) { integer(value, key) }
    func encode(_ value: UInt16, forKey key: Key) { integer(value, key) }
    func encode(_ value: UInt32, forKey key: Key) { integer(value, key) }
    func encode(_ value: UInt64, forKey key: Key) { integer(value, key) }
    func encode(_ value: Double, forKey key: Key) { writer.isUnsupported = true }
    func encode(_ value: Float, forKey key: Key) { writer.isUnsupported = true }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.beginMember(of: level, key: key.stringValue)
        try writer.encodeValue(value)
    }

    private func integer(_ value: some FixedWidthInteger, _ key: Key) {
        writer.beginMember(of: level, key: key.stringValue)
        writer.writeInteger(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        writer.beginMember(of: level, key: key.stringValue)
        return KeyedEncodingContainer(
            CanonicalObject<NestedKey>(writer: writer, level: writer.beginObject()))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.beginMember(of: level, key: key.stringValue)
        return CanonicalArray(writer: writer, level: writer.beginArray())
    }

    func superEncoder() -> any Encoder { unsupportedEncoder() }
    func superEncoder(forKey key: Key) -> any Encoder { unsupportedEncoder() }

    private func unsupportedEncoder() -> any Encoder {
        writer.isUnsupported = true
        return CanonicalValueEncoder(writer: writer, depth: writer.open.count)
    }
}

/// The scalar writes an array and a single value share: each value is begun, then written.
private protocol CanonicalValueSink {
    var writer: CanonicalWriter { get }
    /// Readies the writer for the next value: a comma in an array, a check that a single value is alone.
    func begin()
}

extension CanonicalValueSink {
    func encodeNil() {
        begin()
        writer.writeNull()
    }

    func encode(_ value: Bool) {
        begin()
        writer.writeBool(value)
    }

    func encode(_ value: String) {
        begin()
        writer.writeString(value)
    }

    func encode(_ value: Int) { integer(value) }
    func encode(_ value: Int8) { integer(value) }
    func encode(_ value: Int16) { integer(value) }
    func encode(_ value: Int32) { integer(value) }
    func encode(_ value: Int64) { integer(value) }
    func encode(_ value: UInt) { integer(value) }
    func encode(_ value: UInt8) { integer(value) }
    func encode(_ value: UInt16) { integer(value) }
    func encode(_ value: UInt32) { integer(value) }
    func encode(_ value: UInt64) { integer(value) }
    func encode(_ value: Double) { writer.isUnsupported = true }
    func encode(_ value: Float) { writer.isUnsupported = true }

    func encode<T: Encodable>(_ value: T) throws {
        begin()
        try writer.encodeValue(value)
    }

    private func integer(_ value: some FixedWidthInteger) {
        begin()
        writer.writeInteger(value)
    }
}

private struct CanonicalArray: UnkeyedEncodingContainer, CanonicalValueSink {
    let writer: CanonicalWriter
    let level: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { writer.open.count > level ? writer.open[level].count : 0 }

    func begin() { writer.beginMember(of: level, key: nil) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        begin()
        return KeyedEncodingContainer(CanonicalObject<NestedKey>(writer: writer, level: writer.beginObject()))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        begin()
        return CanonicalArray(writer: writer, level: writer.beginArray())
    }

    func superEncoder() -> any Encoder {
        writer.isUnsupported = true
        return CanonicalValueEncoder(writer: writer, depth: writer.open.count)
    }
}

private struct CanonicalSingleValue: SingleValueEncodingContainer, CanonicalValueSink {
    let writer: CanonicalWriter
    let depth: Int
    /// Where the value begins: a single value written twice is left to Foundation.
    let start: Int
    var codingPath: [any CodingKey] { [] }

    func begin() {
        if writer.bytes.count != start || writer.open.count != depth { writer.isUnsupported = true }
    }
}
