/// Escaping for the markup languages Accord writes, done on UTF-8 bytes: documents of thousands of items
/// escape every title and text, and a byte scan that copies runs between special characters is far cheaper
/// than walking Unicode characters.
public enum Markup {
    /// `text` escaped for XML and HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
    ///
    /// Characters XML 1.0 forbids (controls other than tab, newline and carriage return) are dropped, since a
    /// document that contains one does not open at all.
    public static func escaped(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends `text`, escaped as `escaped(_:)` does, to `out`: runs of plain text are copied whole, so
    /// a page of long texts with an apostrophe here and there is not rebuilt byte by byte.
    public static func escape(_ text: String, into out: inout String) {
        // Most texts need nothing: a scan over contiguous bytes says so at memory speed.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        if plain == true {
            out += text
            return
        }
        let utf8 = text.utf8
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let byte = utf8[index]
            let replacement: String?
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            case 0x09, 0x0A, 0x0D: replacement = nil
            case ..<0x20: replacement = ""
            default: replacement = nil
            }
            if let replacement {
                out += text[run..<index]
                out += replacement
                utf8.formIndex(after: &index)
                run = index
            } else {
                utf8.formIndex(after: &index)
            }
        }
        if run == utf8.startIndex {
            out += text
        } else {
            out += text[run..<utf8.endIndex]
        }
    }
}
