import AccordCore
import Foundation
import Testing

/// The list of change kinds that `--help`, the README and refusals show is the decoder's own list.
@Suite struct ChangeKindTests {
    @Test func theListedKindsAreExactlyTheKindsOfEveryCase() {
        // One sample of every case: the list names each once, in the order the cases are declared.
        #expect(ChangeEncodingTests.samples.map(\.kind) == Change.kinds)
        #expect(Set(Change.kinds).count == Change.kinds.count)
        #expect(Change.effectKinds.isSubset(of: Set(Change.kinds)))
    }

    @Test(arguments: Change.kinds) func everyListedKindIsKnownToTheDecoder(kind: String) {
        // A kind without its fields is refused for the missing field, never as unknown.
        let data = Data(#"{"kind": "\#(kind)"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Change.self, from: data)
        } catch {
            #expect(!"\(error)".contains("unknown change kind"), "\(error)")
        }
    }

    @Test func anUnknownKindIsRefusedWithTheListOfKinds() throws {
        let data = Data(#"{"kind": "add-itme"}"#.utf8)
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Change.self, from: data) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(context.debugDescription.hasPrefix("unknown change kind 'add-itme'; the kinds are describe-process"))
        for kind in Change.kinds { #expect(context.debugDescription.contains(kind)) }
    }
}
