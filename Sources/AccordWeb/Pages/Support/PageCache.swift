import CoreMetrics
import Crypto
import NIOCore
import Synchronization

/// Rendered pages, kept by what decides their bytes: the request's path and query, the ledger position
/// they were rendered at, and the viewer (audience, language, session). A page is served from here only
/// when its position is the ledger's head read for that very request, so no page older than the ledger is
/// ever served; a new entry simply makes every older page unreachable, and the least recently used go.
final class PageCache: Sendable {
    struct Page: Sendable {
        var body: ByteBuffer
        var etag: String
    }

    private struct Slot {
        var page: Page
        var used: UInt64
    }

    private struct Contents {
        var slots: [String: Slot] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let contents = Mutex(Contents())
    let maximumBytes: Int

    /// Lookups that found their page, and lookups that did not (`/metrics`).
    private let hits: Counter
    private let misses: Counter

    init(maximumBytes: Int = 32 << 20) {
        self.maximumBytes = maximumBytes
        hits = Counter(label: "accord_page_cache_lookups_total", dimensions: [("result", "hit")])
        misses = Counter(label: "accord_page_cache_lookups_total", dimensions: [("result", "miss")])
    }

    /// The key of a page: everything that changes its bytes.
    static func key(uri: String, position: Int64, viewer: String) -> String { "\(position)|\(viewer)|\(uri)" }

    func page(_ key: String) -> Page? {
        let page = contents.withLock { contents -> Page? in
            guard var slot = contents.slots[key] else { return nil }
            contents.clock += 1
            slot.used = contents.clock
            contents.slots[key] = slot
            return slot.page
        }
        (page == nil ? misses : hits).increment()
        return page
    }

    /// Keeps `html` under `key`, and returns it as a page with its entity tag.
    func store(_ html: [UInt8], under key: String) -> Page {
        let body = ByteBuffer(bytes: html)
        var hasher = SHA256()
        hasher.update(data: Array(key.utf8))
        body.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize()
        let etag = "\"" + digest.prefix(12).map { String($0, radix: 16).leftPadded }.joined() + "\""
        let page = Page(body: body, etag: etag)
        contents.withLock { contents in
            contents.clock += 1
            if let old = contents.slots.updateValue(Slot(page: page, used: contents.clock), forKey: key) {
                contents.bytes -= old.page.body.readableBytes
            }
            contents.bytes += page.body.readableBytes
            // Evict the least recently used until the cache fits again (a scan: evictions are rare).
            while contents.bytes > maximumBytes, contents.slots.count > 1,
                let oldest = contents.slots.min(by: { $0.value.used < $1.value.used })
            {
                contents.bytes -= oldest.value.page.body.readableBytes
                contents.slots[oldest.key] = nil
            }
        }
        return page
    }

    var count: Int { contents.withLock { $0.slots.count } }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
