import Foundation

/// Turns JSON text into the nodes of a `JSONDocument`.
struct JSONParser {
    typealias Node = JSONDocument.Node
    typealias Kind = JSONDocument.Kind
    let bytes: [UInt8]
    var nodes: [Node] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 8)
    }

    /// Objects and arrays nested deeper than this are refused rather than parsed by ever deeper recursion.
    static let maximumDepth = 512

    mutating func parse() throws {
        var position = 0
        try parseValue(&position, depth: 0)
        skipSpace(&position)
        guard position == bytes.count else { throw syntax(position, "unexpected text after the value") }
    }

    private func syntax(_ position: Int, _ reason: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "invalid JSON at byte \(position): \(reason)"))
    }

    func skipSpace(_ position: inout Int) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(_ position: inout Int, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw syntax(position, "too deeply nested") }
        skipSpace(&position)
        guard position < bytes.count else { throw syntax(position, "a value is missing") }
        let index = nodes.count
        switch bytes[position] {
        case UInt8(ascii: "{"):
            nodes.append(Node(kind: .object, start: 0, end: 0, next: 0))
            position += 1
            var count: Int32 = 0
            skipSpace(&position)
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipSpace(&position)
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        throw syntax(position, "a key is missing")
                    }
                    try parseString(&position)
                    skipSpace(&position)
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                        throw syntax(position, "':' is missing")
                    }
                    position += 1
                    try parseValue(&position, depth: depth + 1)
                    count += 1
                    skipSpace(&position)
                    guard position < bytes.count else { throw syntax(position, "'}' is missing") }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "}") else { throw syntax(position, "',' or '}' is missing") }
                    position += 1
                    break
                }
            }
            nodes[index].start = count
        case UInt8(ascii: "["):
            nodes.append(Node(kind: .array, start: 0, end: 0, next: 0))
            position += 1
            var count: Int32 = 0
            skipSpace(&position)
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try parseValue(&position, depth: depth + 1)
                    count += 1
                    skipSpace(&position)
                    guard position < bytes.count else { throw syntax(position, "']' is missing") }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "]") else { throw syntax(position, "',' or ']' is missing") }
                    position += 1
                    break
                }
            }
            nodes[index].start = count
        case UInt8(ascii: "\""):
            try parseString(&position)
            return
        case UInt8(ascii: "t"):
            try literal(&position, "true", .true)
        case UInt8(ascii: "f"):
            try literal(&position, "false", .false)
        case UInt8(ascii: "n"):
            try literal(&position, "null", .null)
        default:
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                    UInt8(ascii: "e"), UInt8(ascii: "E"):
                    position += 1
                    continue
                default: break
                }
                break
            }
            guard position > start else { throw syntax(position, "unexpected character") }
            nodes.append(Node(kind: .number, start: Int32(start), end: Int32(position), next: 0))
        }
        nodes[index].next = Int32(nodes.count)
    }

    mutating func literal(_ position: inout Int, _ text: StaticString, _ kind: Kind) throws {
        let length = text.utf8CodeUnitCount
        guard position + length <= bytes.count,
            bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + position, text.utf8Start, length) == 0 })
        else { throw syntax(position, "unexpected character") }
        position += length
        nodes.append(Node(kind: kind, start: 0, end: 0, next: Int32(nodes.count + 1)))
    }

    mutating func parseString(_ position: inout Int) throws {
        let start = position + 1
        var escaped = false
        position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                nodes.append(
                    Node(
                        kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(position),
                        next: Int32(nodes.count + 1)))
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            guard byte >= 0x20 else { throw syntax(position, "a control character in a string") }
            position += 1
        }
        throw syntax(position, "a string is not closed")
    }

}
