import AccordDocuments

/// An HTML page being written. Text always goes through `text(_:)` or an attribute, which escape it; markup
/// comes only from string literals (`StaticString`), so nothing a user typed can open a tag.
///
/// Links go through `Link`, which only ever holds a path on this site: no `javascript:` (or any other
/// scheme) URL can be rendered, whatever is stored.
struct HTML {
    /// The markup as UTF-8 bytes. Appending bytes costs far less than growing a String piece by piece,
    /// which a plan page of two thousand rows, each of a dozen elements, did for most of its time.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) { bytes.reserveCapacity(capacity) }

    /// Markup from the source code.
    mutating func raw(_ markup: StaticString) { markup.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// Text, escaped.
    mutating func text(_ value: String) { Markup.escape(value, into: &bytes) }

    /// Another page part written before.
    mutating func append(_ other: HTML) { bytes.append(contentsOf: other.bytes) }

    /// `<tag attributes>…</tag>`, with `content` writing what is inside.
    mutating func element(
        _ tag: StaticString, _ attributes: [(StaticString, String)] = [], _ content: (inout HTML) -> Void = { _ in }
    ) {
        open(tag, attributes)
        content(&self)
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        raw(tag)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<tag attributes>text</tag>`.
    mutating func element(_ tag: StaticString, _ attributes: [(StaticString, String)] = [], text: String) {
        element(tag, attributes) { $0.text(text) }
    }

    /// An opening tag (or a void element such as `<input>`).
    mutating func open(_ tag: StaticString, _ attributes: [(StaticString, String)] = []) {
        bytes.append(UInt8(ascii: "<"))
        raw(tag)
        for (name, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            raw(name)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            Markup.escape(value, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// A link to a page of this site.
    mutating func link(_ target: Link, _ label: String, _ attributes: [(StaticString, String)] = []) {
        element("a", [("href", target.path)] + attributes, text: label)
    }
}

/// A URL on this site: a path starting with one "/", never a scheme, so a link can never run script.
struct Link: Hashable, Sendable {
    let path: String

    /// `path` with its query; anything that is not a local path becomes the site's root.
    init(_ path: String, query: [(String, String)] = []) {
        // Bytes, not `contains(String)`: Foundation's substring search costs more than a plan page's rows.
        let local =
            path.hasPrefix("/") && !path.hasPrefix("//") && !path.utf8.contains(UInt8(ascii: "\\")) ? path : "/"
        let pairs = query.filter { !$0.1.isEmpty }.map { "\(Link.encode($0.0))=\(Link.encode($0.1))" }
        self.path = pairs.isEmpty ? local : local + "?" + pairs.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved characters.
    static func encode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return out
    }
}
