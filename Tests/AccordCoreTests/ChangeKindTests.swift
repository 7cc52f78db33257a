import AccordCore
import Foundation
import Testing

/// The list of change kinds that `--help`, the README and refusals show is the decoder's own list
/// (`ChangeEncodingTests` holds it to the cases and checks the refusal of an unknown kind).
@Suite struct ChangeKindTests {
    @Test func theListedKindsAreDistinctAndHoldTheEffectKinds() {
        #expect(Set(Change.kinds).count == Change.kinds.count)
        #expect(Change.effectKinds.isSubset(of: Set(Change.kinds)))
    }

    @Test(arguments: Change.kinds) func everyListedKindIsKnownToTheDecoder(kind: String) {
        // A kind without its fields is refused for the missing field, never as unknown.
        let data = Data(#"{"kind": "\#(kind)"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Change.self, from: data)
        } catch {
            #expect(!"\(error)".contains("is not a kind of change"), "\(error)")
        }
    }
}
