import AccordCore
import AccordDemo
import Testing

@Suite struct DemoStateTests {
    @Test func theDemoBuildsInMemoryThroughTheRules() throws {
        let state = try Demo.state()
        #expect(state.sequence == Int64(Demo.changes.count))
        #expect(state.participants[ParticipantID("MEX")] != nil)
    }
}
