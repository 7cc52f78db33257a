/// Checks that bytes are a plain ZIP archive before ZIPFoundation opens them.
///
/// ZIPFoundation's reader trusts the sizes and offsets an archive declares (an entry pointing past the end,
/// extra fields longer than their record) and stops the process on some of them instead of throwing; an
/// upload comes from outside, so it is checked here first, on every number the reader will use. Only what a
/// spreadsheet program writes is accepted: one disk, no ZIP64, no encryption, entries stored or deflated,
/// every entry's local header and data inside the file and before the central directory, and at most
/// `maximumExpandedBytes` once expanded (a few kilobytes that claim gigabytes are refused before any is
/// inflated). Extraction is bounded again while it runs, since the declared sizes are only claims.
enum ZIPCheck {
    /// What an upload's entries may expand to, all together.
    static let maximumExpandedBytes = 256 << 20
    /// What one entry may expand to.
    static let maximumEntryBytes = 128 << 20

    /// The entries' names and declared expanded sizes.
    ///
    /// - Throws: `SpreadsheetError.notAWorkbook` saying what is wrong.
    static func check(_ bytes: [UInt8]) throws(SpreadsheetError) -> [(name: String, size: Int)] {
        func fail(_ reason: String) -> SpreadsheetError { .notAWorkbook(reason) }
        func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func u32(_ offset: Int) -> Int { u16(offset) | u16(offset + 2) << 16 }

        let end = bytes.count
        guard end >= 22 else { throw fail("it is too short to be a ZIP archive") }
        // The end-of-central-directory record: 22 bytes and a comment of up to 65,535, at the very end.
        var record: Int?
        var offset = end - 22
        while offset >= max(0, end - 22 - 65_535) {
            if u32(offset) == 0x0605_4B50, offset + 22 + u16(offset + 20) == end {
                record = offset
                break
            }
            offset -= 1
        }
        guard let record else { throw fail("it is not a ZIP archive (no end of central directory)") }
        guard u16(record + 4) == 0, u16(record + 6) == 0, u16(record + 8) == u16(record + 10) else {
            throw fail("it is a multi-part ZIP archive")
        }
        let count = u16(record + 10)
        let directorySize = u32(record + 12)
        let directoryStart = u32(record + 16)
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryStart != 0xFFFF_FFFF else {
            throw fail("it is a ZIP64 archive, which spreadsheet exports of this size never are")
        }
        guard directoryStart <= record, directorySize <= record - directoryStart else {
            throw fail("its central directory lies outside the file")
        }
        var entries: [(name: String, size: Int)] = []
        var expanded = 0
        var position = directoryStart
        let directoryEnd = directoryStart + directorySize
        for index in 0..<count {
            guard position + 46 <= directoryEnd, u32(position) == 0x0201_4B50 else {
                throw fail("entry \(index + 1) of the central directory is malformed")
            }
            let flags = u16(position + 8)
            let method = u16(position + 10)
            let compressed = u32(position + 20)
            let size = u32(position + 24)
            let nameLength = u16(position + 28)
            let extraLength = u16(position + 30)
            let commentLength = u16(position + 32)
            let disk = u16(position + 34)
            let local = u32(position + 42)
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw fail("entry \(index + 1) runs past the central directory") }
            guard flags & 0x1 == 0 else { throw fail("entry \(index + 1) is encrypted") }
            guard method == 0 || method == 8 else {
                throw fail("entry \(index + 1) is compressed with method \(method); only stored and deflated are read")
            }
            guard disk == 0, compressed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw fail("entry \(index + 1) needs ZIP64")
            }
            guard isWellFormed(extra: position + 46 + nameLength, length: extraLength, in: bytes) else {
                throw fail("entry \(index + 1) has malformed extra fields")
            }
            // The local header repeats the entry's name and has extra fields of its own; its data follows.
            guard local + 30 <= directoryStart, u32(local) == 0x0403_4B50 else {
                throw fail("entry \(index + 1) points to no local header")
            }
            let localName = u16(local + 26)
            let localExtra = u16(local + 28)
            let dataStart = local + 30 + localName + localExtra
            guard dataStart <= directoryStart, compressed <= directoryStart - dataStart else {
                throw fail("entry \(index + 1)'s data lies outside the file")
            }
            guard isWellFormed(extra: local + 30 + localName, length: localExtra, in: bytes) else {
                throw fail("entry \(index + 1) has malformed extra fields")
            }
            guard size <= maximumEntryBytes, method == 8 || size == compressed else {
                throw fail("entry \(index + 1) claims \(size) bytes expanded")
            }
            expanded += size
            guard expanded <= maximumExpandedBytes else {
                throw fail("it would expand to more than \(maximumExpandedBytes >> 20) MB")
            }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            entries.append((name, size))
            position = next
        }
        return entries
    }

    /// Whether the extra field area at `start` is a sequence of (ID, size, data) records that fills it exactly,
    /// and holds no ZIP64 record.
    private static func isWellFormed(extra start: Int, length: Int, in bytes: [UInt8]) -> Bool {
        var position = start
        let end = start + length
        while position < end {
            guard position + 4 <= end else { return false }
            let id = Int(bytes[position]) | Int(bytes[position + 1]) << 8
            let size = Int(bytes[position + 2]) | Int(bytes[position + 3]) << 8
            guard id != 0x0001, position + 4 + size <= end else { return false }
            position += 4 + size
        }
        return true
    }
}
