import Foundation

/// A parsed JSON text: its bytes, and one node per value in document order, each saying where its text lies
/// and where the next value starts, so that a decoder can skip what it is not asked for.
final class JSONDocument {
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, `true`, `false`, null
    }

    struct Node {
        var kind: Kind
        /// For a string or number: where its text lies (without quotes); for an object or array: its count.
        var start: Int32
        var end: Int32
        /// The index of the node after this value and everything inside it.
        var next: Int32
    }

    let bytes: [UInt8]
    /// Set once, by the parser: a `let`, so that reading it needs no exclusivity check.
    let nodes: [Node]

    init(_ source: some Collection<UInt8>) throws {
        var parser = JSONParser(bytes: Array(source))
        try parser.parse()
        bytes = parser.bytes
        nodes = parser.nodes
    }

    func node(_ index: Int) -> Node { nodes[index] }

    /// The text of the string node at `index`, its escapes resolved.
    func string(_ index: Int) throws -> String {
        let node = nodes[index]
        switch node.kind {
        case .string:
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(node.start)..<Int(node.end)]), as: UTF8.self)
            }
        case .escapedString: return try unescape(Int(node.start)..<Int(node.end))
        default: throw DecodingError.typeMismatch(String.self, .init(codingPath: [], debugDescription: "not a string"))
        }
    }

    /// Whether the key node at `index` is the text `key`.
    func keyEquals(_ index: Int, _ key: String) -> Bool {
        let node = nodes[index]
        guard node.kind == .string else { return (try? string(index)) == key }
        var key = key
        return key.withUTF8 { key in
            bytes.withUnsafeBufferPointer { bytes in
                let length = Int(node.end - node.start)
                guard length == key.count else { return false }
                return length == 0 || memcmp(bytes.baseAddress! + Int(node.start), key.baseAddress!, length) == 0
            }
        }
    }

    /// The index of the value of member `key` of the object at `object`, or nil when it has none (or is not
    /// an object); the first one when the key is written twice. Keys are compared in place, as bytes.
    func member(_ object: Int, _ key: String) -> Int? {
        guard nodes[object].kind == .object else { return nil }
        var child = object + 1
        for _ in 0..<nodes[object].start {
            if keyEquals(child, key) { return child + 1 }
            child = Int(nodes[child + 1].next)
        }
        return nil
    }

    /// The text of the number node at `index`, for the number types that parse it themselves.
    func numberText(_ index: Int) -> Substring? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        return Substring(String(decoding: bytes[Int(node.start)..<Int(node.end)], as: UTF8.self))
    }

    /// The integer a number node holds, or nil when it is not one that fits an `Int64`.
    func integer(_ index: Int) -> Int64? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        var position = Int(node.start)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard position < Int(node.end) else { return nil }
        // Accumulated with the number's sign, so that Int64.min, which has no positive counterpart, fits.
        var value: Int64 = 0
        while position < Int(node.end) {
            let digit = bytes[position] &- 48
            guard digit < 10 else { return numberText(index).flatMap { Int64($0) } }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) =
                negative
                ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflow, !carry else { return nil }
            value = next
            position += 1
        }
        return value
    }

    private func syntax(_ position: Int, _ reason: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "invalid JSON at byte \(position): \(reason)"))
    }

    private func unescape(_ range: Range<Int>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < range.upperBound else { throw syntax(position, "a bad escape") }
            switch bytes[position] {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(position + 1)
                position += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: the low half follows as its own escape.
                    guard position + 6 < range.upperBound, bytes[position + 1] == UInt8(ascii: "\\"),
                        bytes[position + 2] == UInt8(ascii: "u")
                    else { throw syntax(position, "a lone surrogate") }
                    let low = try hex4(position + 3)
                    guard (0xDC00..<0xE000).contains(low) else { throw syntax(position, "a lone surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw syntax(position, "a bad \\u escape") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: throw syntax(position, "a bad escape")
            }
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(_ position: Int) throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw syntax(position, "a bad \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
            default: throw syntax(position, "a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
