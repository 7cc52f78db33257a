import AccordCore
import AccordStore
import Testing

/// The full-text index (issue 19.5) on both databases: kept by the store in the transaction of each entry, so
/// that it finds the words of the record as it stands — after amendments too — ignoring case and accents, and
/// `verify` compares it with the record.
@Suite struct SearchIndexTests {
    /// The codes of what the index finds for `query`.
    static func found(_ query: String, in store: Store) async throws -> Set<String> {
        Set(
            try await store.searchIndex(for: SearchText.phrases(in: query), limit: 100).map {
                "\($0.entity.kind) \($0.entity.id)"
            })
    }

    /// Gives the fixture's activity a Spanish title: an editorial change, since its English title is the agreed one.
    static func translate(_ item: ItemNumber, _ spanish: String, in store: Store) async throws {
        let title = LocalizedText.en("Workshop on dignified, safe and orderly return", es: spanish)
        try await store.append(
            .amendItem(ItemAmendment(number: item, title: title)), by: Fixture.secretariat,
            authority: .editorial(reason: "Spanish translation"))
    }

    @Test(arguments: Backend.all) func theIndexFollowsEveryAmendmentAndVerifyChecksIt(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                // Setup: the fixture (English only), then a Spanish title for its activity, an editorial change.
                try await store.appendSetup()
                #expect(try await Self.found("migration", in: store).contains("item MPM"))
                #expect(try await Self.found("retorno", in: store).isEmpty)
                try await Self.translate(
                    Fixture.activity, "Taller sobre la migración de retorno digna, segura y ordenada", in: store)

                // Check: accents and case ignored both ways, every word needed, each a prefix of a word.
                #expect(try await Self.found("MIGRACION retorno", in: store) == ["item MPM-1.1"])
                #expect(try await Self.found("migración", in: store).contains("item MPM-1.1"))
                #expect(try await Self.found("Migr", in: store).isSuperset(of: ["item MPM", "item MPM-1.1"]))
                #expect(try await Self.found("retorno Canada", in: store).isEmpty)
                // Meetings, participants and bodies are found too, by their words and codes.
                #expect(try await Self.found("Antigua", in: store) == ["meeting RCM-VII"])
                #expect(try await Self.found("canadá", in: store) == ["participant CAN"])
                #expect(try await Self.found("consultation group", in: store) == ["body RCGM"])
                // A code is a phrase of words in a row: MPM-1.1, not MPM-1.
                #expect(try await Self.found("MPM-1.1", in: store) == ["item MPM-1.1"])
                #expect(try await Self.found("mpm-1", in: store) == ["item MPM-1", "item MPM-1.1"])

                // Act: the translation is revised again; the old words are gone, the new ones found.
                try await Self.translate(
                    Fixture.activity, "Taller sobre el regreso digno, seguro y ordenado", in: store)
                #expect(try await Self.found("migracion retorno", in: store).isEmpty)
                #expect(try await Self.found("regreso", in: store) == ["item MPM-1.1"])

                // A refused change leaves the index as it was: it is written in the entry's transaction.
                await #expect(throws: ChangeError.self) {
                    try await store.append(
                        [
                            Fixture.editorial(
                                .addMeeting(
                                    Meeting(id: "RCM-IX", body: "RCM", title: .en("IX RCM Tegucigalpa")))),
                            Fixture.editorial(.changeStatus(item: "NOPE-1", to: .completed)),
                        ])
                }
                #expect(try await Self.found("Tegucigalpa", in: store).isEmpty)

                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
                #expect(report.searchRows > 10)
            }
            // Someone with database access removes a row: verify names the entity whose words are missing.
            let removed = try await database.executeOutsideStore(
                "DELETE FROM search_entries WHERE kind = 'item' AND id = 'MPM-1.1' AND language = 'es'")
            #expect(removed.succeeded, "\(removed.output)")
            try await withOpenStore(database) { store in
                let report = try await store.verify()
                #expect(!report.isValid)
                #expect(
                    report.problem?.contains("search index lacks or holds stale words for item MPM-1.1 (es)") == true)
            }
        }
    }

    @Test(arguments: Backend.all) func aDecisionOfAThousandEffectsIsIndexedInItsEntry(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendSetup()
            // Setup: a paragraph of the VII RCM approving 1,200 activities, as a large workplan's adoption would.
            let activities = (1...1_200).map { index in
                Change.addItem(
                    Fixture.activity(
                        ItemNumber("MPM-1.\(index + 1)"),
                        title: index == 700 ? "Seminario en Tapachula" : "Taller \(index)"))
            }
            try await store.append(Fixture.decide(Decision.id(meeting: Fixture.rcmVII, paragraph: "4"), activities))
            #expect(try await Self.found("tapachula", in: store) == ["item MPM-1.701"])
            #expect(try await store.searchIndex(for: SearchText.phrases(in: "taller"), limit: 2_000).count == 1_199)
            // Paging through the matches a hundred at a time gives each once, as the search page's loop reads them.
            var paged: [String] = []
            for offset in stride(from: 0, to: 1_300, by: 100) {
                paged += try await store.searchIndex(for: SearchText.phrases(in: "taller"), limit: 100, offset: offset)
                    .map { "\($0.entity)" }
            }
            #expect(paged.count == 1_199 && Set(paged).count == 1_199)
            let report = try await store.verify()
            #expect(report.isValid, "\(report.problem ?? "")")
        }
    }
}
