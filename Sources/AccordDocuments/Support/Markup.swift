/// Escaping for the markup languages Accord writes, done on UTF-8 bytes: documents of thousands of items
/// escape every title and text, and a byte scan that copies runs between special characters is far cheaper
/// than walking Unicode characters.
public enum Markup {
    /// `text` escaped for XML and HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
    ///
    /// Characters XML 1.0 forbids (controls other than tab, newline and carriage return) are dropped, since a
    /// document that contains one does not open at all.
    public static func escaped(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8
        where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
            || byte == 0x27
        {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case ..<0x20: continue
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
