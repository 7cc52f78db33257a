import AccordCore
import AccordStore
import Testing

/// The stale translations a store keeps in memory and brings forward, against a store that reads them from
/// the whole history.
@Suite("Stale translations")
struct StaleTranslationTests {
    @Test(
        "brought forward after each change, by this process or another, to an item or not, they are what the whole history says",
        arguments: Backend.all)
    func incrementalMatchesWhole(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                try await store.appendSetup()
                try await store.append(Fixture.secondMeeting)
                var everStale = false
                for step in 0..<24 {
                    // The source and the translation of two items change on different rhythms, so that each
                    // item's Spanish falls behind its English and catches up again several times.
                    let number = step % 2 == 0 ? Fixture.area : Fixture.activity
                    let english = step % 3 == 0 ? "Return, version \(step)" : nil
                    let spanish = step % 5 == 1 || step % 7 == 3 ? "Retorno, versión \(step)" : nil
                    let current = try await store.currentState().items[number]!.title
                    let title = LocalizedText(
                        authoritative: .en, es: spanish ?? current[.es], en: english ?? current.original,
                        fr: current[.fr])
                    // Every fourth change is to no item at all: the ages stay as they were, without a query.
                    let change =
                        step % 4 == 3
                        ? [
                            Fixture.editorial(
                                .addMeeting(
                                    Meeting(
                                        id: MeetingID("RCGM-2003-\(step)"), body: "RCGM",
                                        title: .en("RCGM meeting \(step)"))))
                        ]
                        : Fixture.decide(
                            Decision.id(meeting: Fixture.rcmVIII, paragraph: "\(20 + step)"),
                            [.amendItem(ItemAmendment(number: number, title: title))])
                    // Every third change comes from another process: this store learns of it from the ledger.
                    if step % 3 == 2 {
                        _ = try await withOpenStore(database) { other in try await other.append(change) }
                    } else {
                        try await store.append(change)
                    }
                    let kept = try await store.staleTranslations(in: store.currentState())
                    let whole = try await withOpenStore(database) { fresh in
                        try await fresh.staleTranslations(in: fresh.currentState())
                    }
                    #expect(kept == whole, "after change \(step)")
                    everStale = everStale || !kept.isEmpty
                }
                #expect(everStale, "the run never made a translation stale, so it tested little")
            }
        }
    }
}
