import Testing

@testable import AccordStore

@Suite("Newest cache")
struct NewestCacheTests {
    @Test("keeps the value of the newest position, whatever order readers finish in")
    func neverMovesBackwards() async {
        let cache = NewestCache<String>()
        #expect(cache.newest == nil)
        cache.store("at 5", at: 5)
        cache.store("at 3", at: 3)
        #expect(cache.newest?.position == 5 && cache.newest?.value == "at 5", "an older value replaced a newer one")
        cache.store("at 5 again", at: 5)
        #expect(cache.newest?.value == "at 5 again")
        // Many readers finishing at once, in any order: the newest position wins.
        await withTaskGroup(of: Void.self) { group in
            for position in (1...200).shuffled() {
                group.addTask { cache.store("at \(position)", at: Int64(position)) }
            }
        }
        #expect(cache.newest?.position == 200 && cache.newest?.value == "at 200")
    }
}
