import AccordCore
import AccordStore
import Testing

// The requests and checks the governance tests share: the XXX RCM, Mexico's proposal, and refusals.

extension GovernanceAPITests {
    /// Mexico's proposal: three items, tabled for the XXX RCM.
    static let proposal = #"""
        "proposal":{"id":"MEX-2025","submitter":"MEX","title":\#(Bodies.text("Returns and reintegration")),\#
        "tabledFor":"RCM-XXX","items":[\#
        {"number":1,"text":\#(Bodies.text("A regional workshop on reintegration")),"target":{"parent":"MPM-4"}},\#
        {"number":2,"text":\#(Bodies.text("Shared statistics on returns"))},\#
        {"number":3,"text":\#(Bodies.text("A network of reception centres"))}]}
        """#

    static func comment(_ item: Int, _ stance: String) -> String {
        #""comment":{"proposal":"MEX-2025","item":\#(item),"participant":"CAN","stance":"\#(stance)","text":\#(Bodies.text("Canada's view on item \(item)"))}"#
    }

    static func challenge(_ sequence: Int, _ participant: String) -> String {
        #""challenge":{"sequence":\#(sequence),"participant":"\#(participant)","reason":\#(Bodies.text("The new wording narrows the assessment"))}"#
    }

    /// The Secretariat proposes edition 1 of the plan at ledger position `position`; the Presidency approves it.
    static func publish(_ api: APIClient, at position: Int64) async throws -> APIClient.Answer {
        let edition =
            #""edition":{"number":1,"title":\#(Bodies.text("Plan of Action, 2025 edition")),"date":"2025-11","position":\#(position)}"#
        return try await api.post(
            "/api/v1/editions",
            Scenario.signed(Bodies.secretariat, Bodies.editorial("proposed with its report"), edition))
    }

    /// Records the XXX RCM with the member states and observers present.
    static func recordMeeting(_ api: APIClient) async throws {
        let attendance = (present + ["IOM", "UNHCR"]).map { "\"\($0)\"" }.joined(separator: ",")
        let meeting =
            #"{"id":"RCM-XXX","body":"RCM","title":\#(Bodies.text("XXX RCM")),"start":"2025-11-20","end":"2025-11-21","attendance":[\#(attendance)]}"#
        let answer = try await api.post("/api/v1/meetings", Bodies.signed("meeting", meeting))
        #expect(answer.status == 201, "\(answer.text)")
    }

    /// Tables paragraph `paragraph` of the XXX RCM with `effects` (a JSON array of changes).
    static func table(_ api: APIClient, paragraph: String, text: String, effects: String) async throws {
        let draft =
            #""draft":{"meeting":"RCM-XXX","paragraph":"\#(paragraph)","kind":"decision","text":\#(Bodies.text(text)),"effects":\#(effects)}"#
        let answer = try await api.post(
            "/api/v1/meetings/RCM-XXX/drafts", Scenario.signed(Bodies.secretariat, Bodies.editorial("drafting"), draft))
        #expect(answer.status == 201, "\(answer.text)")
    }

    /// `country`'s delegate records its own position on paragraph `paragraph`.
    static func position(_ api: APIClient, _ paragraph: String, _ country: String, _ position: String) async throws
        -> APIClient.Answer
    {
        try await api.post(
            "/api/v1/drafts/RCM-XXX/\(paragraph)/positions",
            Scenario.signed(
                Scenario.delegate(country), Scenario.own(country),
                #""position":{"participant":"\#(country)","position":"\#(position)"}"#))
    }

    /// The Secretariat asks to adopt paragraph `paragraph`, citing `decision` (by default the one it becomes).
    static func adopt(_ api: APIClient, _ paragraph: String, citing decision: String? = nil) async throws
        -> APIClient.Answer
    {
        try await api.post(
            "/api/v1/drafts/RCM-XXX/\(paragraph)/adopt",
            Scenario.signed(Bodies.secretariat, Bodies.decision(decision ?? "RCM-XXX/\(paragraph)")))
    }

    /// Asserts a problem with `status`, naming `field` and (for a refusal by a rule) `rule`, that stored nothing.
    static func expectRefused(
        _ answer: APIClient.Answer, status: Int = 409, rule: String? = nil, field: String, _ store: Store,
        head: Int64, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(answer.status == status, "\(answer.text)", sourceLocation: sourceLocation)
        #expect(answer["rule"] as? String == rule, "\(answer.text)", sourceLocation: sourceLocation)
        #expect(answer["field"] as? String == field, "\(answer.text)", sourceLocation: sourceLocation)
        #expect(!((answer["detail"] as? String) ?? "").isEmpty, sourceLocation: sourceLocation)
        #expect(
            try await store.head().sequence == head, "a refused change stored something", sourceLocation: sourceLocation
        )
    }
}
