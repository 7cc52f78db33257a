/// Escaping for the markup languages Accord writes, done on UTF-8 bytes: documents of thousands of items
/// escape every title and text, and a byte scan that copies runs between special characters is far cheaper
/// than walking Unicode characters.
public enum Markup {
    /// `text` escaped for XML and HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
    ///
    /// Characters XML 1.0 forbids — NUL and the other controls but tab, newline and carriage return, and the
    /// noncharacters U+FFFE and U+FFFF — are dropped, since a document that contains one does not open at all.
    /// This is the one XML escaping of Accord's documents: pages, DOCX, agendas, conclusions and Akoma Ntoso.
    public static func escaped(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends `text`, escaped as `escaped(_:)` does, to `out`. Most texts need nothing, and are appended whole.
    public static func escape(_ text: String, into out: inout String) {
        // A scan over contiguous bytes says so at memory speed.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains {
                $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF
            }
        }
        if plain == true {
            out += text
            return
        }
        var bytes: [UInt8] = []
        escape(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text`, escaped as `escaped(_:)` does, to `out`: runs of plain text are
    /// copied whole, so a page of long texts with an apostrophe here and there is not rebuilt byte by byte.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            var index = 0
            while index < utf8.count {
                let replacement: StaticString
                var width = 1
                switch utf8[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                case 0x09, 0x0A, 0x0D:
                    index += 1
                    continue
                // Other control characters are dropped: XML 1.0 has no way to write them.
                case ..<0x20: replacement = ""
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters XML allows either.
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE:
                    replacement = ""
                    width = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                index += width
                run = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }
}
