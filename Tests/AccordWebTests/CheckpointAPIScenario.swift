import AccordCore
import AccordStore
import Foundation
import Testing

/// The ledger's public anchors on a server that signs no checkpoint (the seed scenario's): the checkpoint
/// route says so, the hashes are served all the same, and a cosignature of nothing is refused.
/// `CheckpointAPITests` runs them with a key.
enum CheckpointAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        let missing = try await api.get("/api/v1/ledger/checkpoint")
        #expect(missing.status == 404 && missing.text.contains("--checkpoint-key"), "\(missing.text)")
        let head = try await store.head()
        let hashes = try await api.get("/api/v1/ledger/hashes?after=\(head.sequence - 1)")
        let items = try #require(hashes["items"] as? [[String: Any]])
        #expect(items.map { $0["hash"] as? String } == [head.hash], "\(hashes.text)")
        let cosigned = try await api.post(
            "/api/v1/ledger/checkpoint/cosignatures",
            #"{"actor":{"name":"mex","role":"delegate","participant":"MEX"},"note":"rcm.test/accord\n1\n"}"#)
        #expect(cosigned.status == 422 && cosigned["field"] as? String == "note", "\(cosigned.text)")
    }
}
