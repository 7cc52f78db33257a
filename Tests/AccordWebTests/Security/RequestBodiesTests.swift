import Foundation
import Testing

@testable import AccordWeb

/// The list the fuzz targets read bodies through (`RequestBodies`) reads them as the routes do, and its seed
/// corpus (Fuzz/Corpus/json) still reaches past the decoders, so that fuzzing starts from inputs that get somewhere.
@Suite("Request bodies, as the fuzz targets read them")
struct RequestBodiesTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Fuzz/Corpus/json").standardized

    @Test("a body naming an actor is refused by every signed kind, naming the field, as the API refuses it")
    func actorRefused() throws {
        let mallory = try Data(contentsOf: Self.corpus.appendingPathComponent("mallory.json"))
        let outcomes = RequestBodies.readJSON(Array(mallory))
        let signed = outcomes.filter { $0.hasPrefix("Signed<") }
        #expect(signed.count == 21, "\(outcomes)")
        #expect(signed.allSatisfy { $0.hasSuffix(": actor") }, "\(signed)")
    }

    @Test("each record route's seed body is accepted by that route's kind")
    func seedsAccepted() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            $0.hasPrefix("body-")
        }
        #expect(seeds.count >= 9)
        let kinds = [
            "add-participant": "Participant", "add-body": "Body", "add-meeting": "Meeting",
            "record-decision": "Decision", "add-workplan": "Workplan", "add-item": "PlanItem",
            "submit-proposal": "Proposal", "file-comment": "Comment", "add-standing-item": "StandingItem",
        ]
        for seed in seeds {
            let kind = try #require(kinds.first { seed.contains($0.key + "-") }?.value, "\(seed)")
            let bytes = try Data(contentsOf: Self.corpus.appendingPathComponent(seed))
            let outcomes = RequestBodies.readJSON(Array(bytes))
            #expect(outcomes.contains("Signed<Keyed<\(kind)>>: accepted"), "\(seed): \(outcomes)")
        }
    }

    @Test("a form is read by every form kind; a field the agenda editor needs is named when it is missing")
    func forms() {
        let outcomes = RequestBodies.readForm("csrf=x&keep1=on&title1=&new0=Other+business")
        // 16: the "Mark as seen" form's one field is optional, so any form is one, and so are three of the
        // accounts pages' forms.
        #expect(outcomes.filter { $0.hasSuffix(": accepted") }.count == 16, "\(outcomes)")
        #expect(outcomes.contains("Agenda: title1"), "\(outcomes)")
        #expect(outcomes.contains("field keep") && outcomes.contains("field csrf"), "\(outcomes)")
    }
}
