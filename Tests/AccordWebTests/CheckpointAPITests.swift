import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import AccordServices
@testable import AccordWeb

/// The ledger's head as anyone can check it, through the API: a checkpoint signed after every write and
/// served to the public, the chain's hashes without the entries, a member state's delegate countersigning
/// as a witness, the editions page listing who did, and the checkpoint in the footer of the documents.
@Suite struct CheckpointAPITests {
    static let mexico = #"{"name":"mex","role":"delegate","participant":"MEX"}"#
    static let canada = #"{"name":"can","role":"delegate","participant":"CAN"}"#

    @Test func theHeadIsSignedAfterEveryWriteAndWitnessedByADelegate() async throws {
        let signer = try CheckpointKeys.generate(name: "rcm.test/accord", type: .ed25519)
        try await withAPIStore(demo: true, checkpointSigner: signer) { api, store, accounts in
            // Asked for, the head is signed (the server signs it at start-up; here nothing has yet).
            let first = try await api.get("/api/v1/ledger/checkpoint")
            #expect(first.status == 200 && first.contentType == "text/plain; charset=utf-8", "\(first.text)")
            let head = try await store.head()
            let served = try SignedCheckpoint(parsing: first.text)
            try served.verify(signer.verifier)
            #expect(served.checkpoint.size == head.sequence && served.checkpoint.hash == head.hash)

            // A write through the API is signed at once, without anyone asking.
            let meeting =
                #"{"id":"RCM-XXX","body":"RCM","title":\#(Bodies.text("XXX RCM")),"start":"2025-11-20","attendance":[]}"#
            #expect(try await api.post("/api/v1/meetings", Bodies.signed("meeting", meeting)).status == 201)
            let written = try await store.head()
            #expect(written.sequence == head.sequence + 1)
            let latest = try #require(try await store.latestCheckpoint())
            #expect(latest.checkpoint.size == written.sequence && latest.checkpoint.hash == written.hash)

            // The public follows the chain from the genesis to the checkpoint by hashes alone: no payload, no
            // actor, not even the kind of entry.
            var previous = HashChain.genesis
            var after: Int64 = 0
            var pages = 0
            while true {
                let page = try await api.get("/api/v1/ledger/hashes?after=\(after)&limit=50")
                #expect(page.status == 200, "\(page.text)")
                let items = try #require(page["items"] as? [[String: Any]])
                for link in items {
                    #expect(Set(link.keys) == ["sequence", "hash", "previousHash", "recordedAt"])
                    #expect(link["previousHash"] as? String == previous)
                    previous = try #require(link["hash"] as? String)
                }
                pages += 1
                guard let next = page["next"] as? Int64 ?? (page["next"] as? Int).map(Int64.init) else { break }
                after = next
            }
            #expect(pages > 1)
            #expect(previous == latest.checkpoint.hash)
            #expect(try await api.get("/api/v1/ledger/hashes?limit=0")["field"] as? String == "limit")
            #expect(try await api.get("/api/v1/ledger/hashes?after=-1")["field"] as? String == "after")

            // An edition is published, and Mexico's delegation registers its key and cosigns the checkpoint it
            // fetched, which covers the edition.
            let edition = try await publishEdition(store)
            let witness = try CheckpointKeys.generate(name: "mex.example/witness", type: .cosignature)
            _ = try await api.token("mex", role: "delegate", participant: "MEX")
            try await accounts.setWitnessKey(witness.verifier.vkey, of: "mex")
            let fetched = try SignedCheckpoint(parsing: try await api.get("/api/v1/ledger/checkpoint").text)
            let cosigned = try fetched.cosigned(by: witness, at: 1_796_000_000)
            let body = { (note: SignedCheckpoint, actor: String) in
                let object = try JSONSerialization.jsonObject(with: Data(actor.utf8))
                let data = try JSONSerialization.data(withJSONObject: ["actor": object, "note": note.description])
                return String(decoding: data, as: UTF8.self)
            }
            let kept = try await api.post("/api/v1/ledger/checkpoint/cosignatures", try body(cosigned, Self.mexico))
            #expect(kept.status == 201, "\(kept.text)")
            #expect(kept["witness"] as? String == "mex" && kept["participant"] as? String == "MEX")
            let twice = try await api.post("/api/v1/ledger/checkpoint/cosignatures", try body(cosigned, Self.mexico))
            #expect(twice.status == 200, "\(twice.text)")

            // The checkpoint served now carries the cosignature, which verifies with Mexico's key.
            let witnessed = try SignedCheckpoint(parsing: try await api.get("/api/v1/ledger/checkpoint").text)
            try witnessed.verify(signer.verifier)
            #expect(try witnessed.cosignature(by: witness.verifier).time == 1_796_000_000)

            // Refused: the Secretariat (a witness is a member state's delegate), a delegate with no key
            // registered, a cosignature by another key, a note that is not a checkpoint.
            let secretariat = try await api.post(
                "/api/v1/ledger/checkpoint/cosignatures", try body(cosigned, Bodies.secretariat))
            #expect(secretariat.status == 403, "\(secretariat.text)")
            let unregistered = try await api.post(
                "/api/v1/ledger/checkpoint/cosignatures",
                try body(try fetched.cosigned(by: witness, at: 1), Self.canada))
            #expect(
                unregistered.status == 409 && unregistered["rule"] as? String == "witness-key", "\(unregistered.text)")
            let stranger = try CheckpointKeys.generate(name: "mex.example/witness", type: .cosignature)
            let forged = try await api.post(
                "/api/v1/ledger/checkpoint/cosignatures",
                try body(try fetched.cosigned(by: stranger, at: 2), Self.mexico))
            #expect(forged.status == 422 && forged["field"] as? String == "note", "\(forged.text)")
            let garbage = try await api.post(
                "/api/v1/ledger/checkpoint/cosignatures",
                #"{"actor":\#(Self.mexico),"note":"not a checkpoint"}"#)
            #expect(garbage.status == 422 && garbage["field"] as? String == "note", "\(garbage.text)")
            let anonymous = try await api.post("/api/v1/ledger/checkpoint/cosignatures", #"{"note":"x"}"#)
            #expect(anonymous.status == 401)
            #expect(try await store.latestCheckpoint()?.witnesses.map(\.username) == ["mex"])

            // The editions page lists, under the edition, the checkpoint that covers it and Mexico as its witness.
            let page = try await api.client.execute(uri: "/en/editions", method: .get, headers: [:], body: nil)
            let html = String(buffer: page.body)
            let item = try #require(html.range(of: "Edition \(edition.number):"))
            let listed = html[item.lowerBound...]
            #expect(listed.contains("Ledger checkpoint: entry"), "\(listed.prefix(600))")
            #expect(listed.contains("Witnessed by: <span class=\"witness\">Mexico</span>"), "\(listed.prefix(800))")

            // Every generated document prints the checkpoint that covers what it shows.
            let now = try #require(try await store.latestCheckpoint()).checkpoint
            let markdown = try await api.get("/api/v1/exports/plan?format=md&lang=en")
            #expect(
                markdown.text.contains(
                    "Ledger checkpoint: entry \(now.size), SHA-256 hash \(now.hash), signed by rcm.test/accord"),
                "\(markdown.text.suffix(300))")
            let published = try await api.get("/api/v1/exports/plan?format=html&lang=en&edition=\(edition.number)")
            let covering = try #require(try await store.earliestCheckpoint(covering: edition.position))
            #expect(published.text.contains("Ledger checkpoint: entry \(covering.size), SHA-256 hash \(covering.hash)"))
        }
    }

    @Test func withoutAKeyNoCheckpointIsServed() async throws {
        try await withAPI(demo: true) { api, store in
            let answer = try await api.get("/api/v1/ledger/checkpoint")
            #expect(answer.status == 404 && answer.text.contains("--checkpoint-key"), "\(answer.text)")
            // The documents still give the position and hash they were made from.
            let head = try await store.head()
            let markdown = try await api.get("/api/v1/exports/plan?format=md&lang=en").text
            #expect(
                markdown.contains("Ledger: entry \(head.sequence), SHA-256 hash \(head.hash); no signed checkpoint"))
        }
    }

    /// Edition 1, approved by a decision of the highest body that approves the revised plan, written to the
    /// store as the Secretariat and the Presidency would through their routes.
    private func publishEdition(_ store: Store) async throws -> Edition {
        let decision = Decision(
            meeting: "RCM-XXIX", paragraph: "91", kind: .decision,
            text: LocalizedText(authoritative: .en, [.en: "Approves the revised plan."]),
            effects: [.approveRevisedPlan])
        let secretariat = AccordCore.Actor(name: "ts.officer", role: .secretariat)
        let presidency = AccordCore.Actor(name: "ppt.officer", role: .presidency)
        _ = try await store.append(
            .recordDecision(decision), by: secretariat, authority: .editorial(reason: "transcribed"))
        _ = try await store.append(.confirmDecision(decision.id), by: presidency, authority: .decision(decision.id))
        let edition = Edition(
            number: 1, title: .en("Plan of Action, 2025 edition"), date: PartialDate(year: 2025, month: 11)!,
            position: try await store.head().sequence)
        _ = try await store.append(.proposeEdition(edition), by: secretariat, authority: .editorial(reason: "report"))
        _ = try await store.append(.approveEdition(1), by: presidency, authority: .decision(decision.id))
        return edition
    }
}
