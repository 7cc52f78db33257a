/// Where a writer sends its bytes: called with chunks of about 64 KB, in order, so a document of any size
/// never sits whole in memory (an HTTP response body writer, a file handle, an array in tests).
public typealias ByteSink = (ArraySlice<UInt8>) throws -> Void

/// A buffer that hands its bytes to a sink each time it passes `chunkSize`, with the small appends the
/// writers need: literal text, decimal numbers, XML- and JSON-escaped text, pre-encoded codes.
struct ChunkedOutput {
    static let chunkSize = 1 << 16
    private var buffer: [UInt8] = []
    private let sink: ByteSink
    /// How many bytes went to the sink so far.
    private(set) var written = 0

    init(_ sink: @escaping ByteSink) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 4_096)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    mutating func append(byte: UInt8) { buffer.append(byte) }

    /// `value` in decimal.
    mutating func append(decimal value: UInt64) {
        if value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            while rest > 0 {
                bytes[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(bytes[index]) }
        }
    }

    /// `text` escaped for an XML attribute value or element content.
    mutating func append(xml text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            default: buffer.append(byte)
            }
        }
    }

    /// `text` as a JSON string, quotes included.
    mutating func append(json text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00")
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `text` as an RFC 4180 field: quoted when it holds the separator, a quote or a line break.
    mutating func append(csv text: String) {
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                || $0 == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            buffer.append(contentsOf: text.utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// An SDMX-ML 2.1 message header up to its sender: `<message:Header>`, ID, Test, Prepared, Sender.
    mutating func appendHeaderStart(
        id: String, prepared: String, sender: String, isTest: Bool = false, name: String? = nil
    ) {
        append("<message:Header><message:ID>")
        append(xml: id)
        append(
            isTest
                ? "</message:ID><message:Test>true</message:Test><message:Prepared>"
                : "</message:ID><message:Test>false</message:Test><message:Prepared>")
        append(xml: prepared)
        append("</message:Prepared><message:Sender id=\"")
        append(xml: sender)
        append("\"/>")
        if let name {
            append("<common:Name xml:lang=\"en\">")
            append(xml: name)
            append("</common:Name>")
        }
    }

    /// Hands the buffer to the sink once it is past a chunk.
    mutating func flushIfFull() throws {
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Hands whatever is buffered to the sink.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer[...])
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
