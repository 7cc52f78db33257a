import AccordCore
import AccordStore
import Testing

/// `verify` finds changes made behind Accord's back and names the first ledger position affected.
@Suite("Tampering is detected")
struct TamperingTests {
    /// The SQL that switches off the ledger's refusal of UPDATE, as a superuser with a shell could.
    private static func disableGuard(_ backend: Backend) -> String {
        switch backend {
        case .sqlite: "DROP TRIGGER ledger_refuses_update;"
        case .postgres: "ALTER TABLE ledger DISABLE TRIGGER USER;"
        }
    }

    @Test("an altered ledger entry is named by verify", arguments: Backend.all, [3, 11, 14] as [Int64])
    func alteredEntry(_ backend: Backend, _ sequence: Int64) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                try await Self.appendHistory(to: store)
                #expect(try await store.verify().isValid)

                // Rewrite the hashed text of one entry; its hash column is left as it was.
                let tampered = try await database.executeOutsideStore(
                    Self.disableGuard(backend)
                        + "UPDATE ledger SET entry = replace(entry, 'maria.lopez', 'mallory') WHERE sequence = \(sequence)"
                )
                #expect(tampered.succeeded, "\(tampered.output)")
                #expect(try await store.entry(sequence)?.entry.contains("mallory") == true)

                for scope in [VerificationScope.chain, .everything] {
                    let report = try await store.verify(scope)
                    #expect(!report.isValid)
                    #expect(report.firstBadSequence == sequence)
                    #expect(report.problem?.contains("does not match its hash") == true, "\(report.problem ?? "")")
                    #expect(report.entries == sequence - 1)
                }
            }
        }
    }

    @Test(
        "a column repeated from an entry and altered alone is named by the full verify",
        arguments: Backend.all,
        [
            "actor = 'mallory/secretariat'", "actor = actor || ' '", "kind = 'describe-process'",
            "recorded_at = '2000-01-01T00:00:00.000Z'",
            "recorded_at = substr(recorded_at, 1, 22) || CASE WHEN substr(recorded_at, 23, 1) = '0' THEN '1Z' ELSE '0Z' END",
            "decision = CASE WHEN decision IS NULL THEN 'RCM-I/1' ELSE NULL END",
            "decision = CASE WHEN decision IS NULL THEN 'RCM-I/1' ELSE decision || 'x' END",
        ])
    func alteredColumn(_ backend: Backend, _ assignment: String) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                try await Self.appendHistory(to: store)
                // The hashed entry stays as it was: only the column that queries read is changed.
                let tampered = try await database.executeOutsideStore(
                    Self.disableGuard(backend) + "UPDATE ledger SET \(assignment) WHERE sequence = 11")
                #expect(tampered.succeeded, "\(tampered.output)")

                #expect(try await store.verify(.chain).isValid)
                let report = try await store.verify()
                #expect(report.firstBadSequence == 11)
                #expect(
                    report.problem?.contains("the columns of entry 11 disagree with its hashed content") == true,
                    "\(report.problem ?? "")")
            }
        }
    }

    @Test("an altered projection row is traced to the entry that made it", arguments: Backend.all)
    func alteredProjection(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                try await Self.appendHistory(to: store)
                #expect(try await store.history(of: .item(Fixture.activity)) == [10, 13, 14])

                // The version made by entry 13 says "ongoing"; make it claim the item was already completed.
                let tampered = try await database.executeOutsideStore(
                    """
                    UPDATE entity_versions SET document = replace(document, '"ongoing"', '"completed"') \
                    WHERE kind = 'item' AND id = 'MPM-1.1' AND valid_from = 13
                    """)
                #expect(tampered.succeeded, "\(tampered.output)")
                #expect(try await store.state(at: 13).items[Fixture.activity]?.status == .completed)

                let report = try await store.verify()
                #expect(report.firstBadSequence == 13)
                #expect(report.problem?.contains("differs from what entry 13 made") == true, "\(report.problem ?? "")")
                // The chain itself is intact: only the projection was changed.
                #expect(try await store.verify(.chain).isValid)
            }
        }
    }

    @Test(
        "verify names the same first fault whatever its page size", arguments: Backend.all, [1, 2, 5, 15] as [Int64])
    func pagesDoNotMoveTheFault(_ backend: Backend, _ pageSize: Int64) async throws {
        try await withDatabase(backend) { database in
            try await withOpenStore(database) { store in
                try await Self.appendHistory(to: store)
                for scope in [VerificationScope.chain, .everything] {
                    let report = try await store.verify(scope, pageSize: pageSize)
                    #expect(report.isValid, "\(report.problem ?? "")")
                    #expect(report.entries == 14)
                }

                // A projection row made by entry 13, then a ledger entry before it: pages are read ahead and
                // projection rows encoded behind, but the report names the earliest fault.
                var tampered = try await database.executeOutsideStore(
                    """
                    UPDATE entity_versions SET document = replace(document, '"ongoing"', '"completed"') \
                    WHERE kind = 'item' AND id = 'MPM-1.1' AND valid_from = 13
                    """)
                #expect(tampered.succeeded, "\(tampered.output)")
                var report = try await store.verify(pageSize: pageSize)
                #expect(report.firstBadSequence == 13)
                #expect(report.projectionRows == 17)

                tampered = try await database.executeOutsideStore(
                    Self.disableGuard(backend)
                        + "UPDATE ledger SET entry = replace(entry, 'maria.lopez', 'mallory') WHERE sequence = 9")
                #expect(tampered.succeeded, "\(tampered.output)")
                for scope in [VerificationScope.chain, .everything] {
                    report = try await store.verify(scope, pageSize: pageSize)
                    #expect(report.firstBadSequence == 9)
                    #expect(report.entries == 8)
                    #expect(report.problem?.contains("does not match its hash") == true, "\(report.problem ?? "")")
                }
            }
        }
    }

    /// The setup, the VIII RCM, and two progress reports on the fixture's activity (entries 13 and 14).
    private static func appendHistory(to store: Store) async throws {
        try await store.appendSetup()
        try await store.append(Fixture.secondMeeting)
        try await store.append([
            Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing)),
            Fixture.editorial(.changeStatus(item: Fixture.activity, to: .pendingCompletion)),
        ])
    }
}
