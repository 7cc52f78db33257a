import AccordCore
import AccordStore
import Crypto
import Testing

/// Signed checkpoints anchor the ledger's head outside the database: a ledger truncated, forked or rewritten
/// behind Accord's back passes `verify` (it is a well-formed chain), and is caught by a checkpoint signed
/// before, naming the position.
@Suite("Checkpoints anchor the ledger's head")
struct CheckpointStoreTests {
    static func key() throws -> NoteSigner {
        try NoteSigner(name: "accord.test/ledger", type: .ed25519, privateKey: Curve25519.Signing.PrivateKey())
    }

    @Test("the head is signed once, kept, and its hashes can be followed without the entries", arguments: Backend.all)
    func signsTheHead(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let key = try Self.key()
            let empty = try await store.signCheckpoint(with: key)
            #expect(empty.checkpoint.size == 0 && empty.checkpoint.hash == HashChain.genesis)

            let head = try await store.appendSetup()
            let signed = try await store.signCheckpoint(with: key)
            #expect(signed.checkpoint.size == head.sequence && signed.checkpoint.hash == head.hash)
            #expect(signed.key == key.verifier.vkey)
            try SignedCheckpoint(parsing: signed.signed.description).verify(key.verifier)
            // Signing an unchanged head again keeps the checkpoint already signed.
            #expect(try await store.signCheckpoint(with: key) == signed)
            #expect(try await store.latestCheckpoint() == signed)

            try await store.append([Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing))])
            let next = try await store.signCheckpoint(with: key)
            #expect(next.checkpoint.size == head.sequence + 1)
            #expect(try await store.latestCheckpoint() == next)
            // Both checkpoints cover the setup's last entry; only the newest covers the last.
            #expect(
                try await store.checkpoints(covering: head.sequence).map(\.checkpoint.size) == [
                    head.sequence, head.sequence + 1,
                ])

            // Anyone can follow the chain from the genesis to the newest checkpoint by the hashes alone.
            var previous = HashChain.genesis
            var after: Int64 = 0
            while true {
                let page = try await store.ledgerHashes(after: after, limit: 5)
                guard let last = page.last else { break }
                for link in page {
                    #expect(link.previousHash == previous, "entry \(link.sequence) does not link to the one before")
                    previous = link.hash
                }
                after = last.sequence
            }
            #expect(after == next.checkpoint.size && previous == next.checkpoint.hash)
        }
    }

    @Test(
        "a ledger truncated behind Accord's back passes verify, and is caught by the checkpoint", arguments: Backend.all
    )
    func truncation(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let key = try Self.key()
            // The checkpoint as an auditor keeps it: its text, outside the database.
            let kept = try await withOpenStore(database) { store in
                try await Self.appendHistory(to: store)
                return try await store.signCheckpoint(with: key).signed.description
            }

            // Someone with a database shell removes the last three entries, their projection rows and the search
            // index's words for them, and puts the trigger back so that nothing looks amiss.
            let truncated = try await database.executeOutsideStore(Self.truncate(to: 11, backend))
            #expect(truncated.succeeded, "\(truncated.output)")

            try await withOpenStore(database) { store in
                #expect(try await store.head().sequence == 11)
                // What issue 17 found: the chain and the projections of a truncated ledger are consistent.
                #expect(try await store.verify(.chain).isValid)
                #expect(try await store.verify().isValid)

                let checkpoint = try SignedCheckpoint(parsing: kept)
                try checkpoint.verify(key.verifier)
                let fault = try #require(try await store.firstFault(extending: [checkpoint.checkpoint]))
                #expect(fault.sequence == 12)
                #expect(fault.problem.contains("entries 12 to 14 were removed (the ledger was truncated)"), "\(fault)")

                // Accord will not sign the truncated head, since the checkpoint it kept says otherwise.
                await #expect(throws: CheckpointError.ledgerDoesNotExtend(fault)) {
                    try await store.signCheckpoint(with: key)
                }
            }
        }
    }

    @Test(
        "a fork — truncated and written on — is caught between the checkpoints that bracket it", arguments: Backend.all)
    func fork(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let key = try Self.key()
            let kept = try await withOpenStore(database) { store in
                try await store.appendSetup()
                try await store.append(Fixture.secondMeeting)
                let before = try await store.signCheckpoint(with: key).checkpoint
                try await store.append([
                    Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing)),
                    Fixture.editorial(.changeStatus(item: Fixture.activity, to: .pendingCompletion)),
                ])
                return [before, try await store.signCheckpoint(with: key).checkpoint]
            }
            #expect(kept.map(\.size) == [12, 14])

            let truncated = try await database.executeOutsideStore(Self.truncate(to: 12, backend))
            #expect(truncated.succeeded, "\(truncated.output)")
            try await withOpenStore(database) { store in
                // Another history written on from entry 12: as long as the one signed, and well formed.
                try await store.append([
                    Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing)),
                    Fixture.editorial(
                        .amendItem(ItemAmendment(number: Fixture.activity, note: .en("Another history")))),
                ])
                #expect(try await store.head().sequence == 14)
                #expect(try await store.verify().isValid)

                #expect(try await store.firstFault(extending: [kept[0]]) == nil)
                let fault = try #require(try await store.firstFault(extending: kept))
                #expect(fault.sequence == 13)
                #expect(fault.checkpoint == kept[1])
                #expect(fault.problem.contains("rewritten or forked at or before entry 14"), "\(fault)")
                #expect(fault.problem.contains("lies between 13 and 14"), "\(fault)")
            }
        }
    }

    @Test(
        "a rewrite with every later hash recomputed passes verify, and is caught by the checkpoint",
        arguments: Backend.all)
    func rewrite(_ backend: Backend) async throws {
        try await withDatabase(backend) { database in
            let key = try Self.key()
            let (early, late, entries) = try await withOpenStore(database) { store in
                try await store.append(Array(Fixture.setup.prefix(5)))
                let early = try await store.signCheckpoint(with: key).checkpoint
                try await store.append(Array(Fixture.setup.dropFirst(5)))
                try await Self.appendHistory(to: store, setup: false)
                return (early, try await store.signCheckpoint(with: key).checkpoint, try await store.allEntries())
            }

            // Entry 13, a progress report, is given another actor, and every hash from it on recomputed: a chain as well formed as
            // the one signed, which only the checkpoint can tell from it.
            var previous = entries[7].hash
            var statements = [Self.allowUpdates(backend)]
            for stored in entries.dropFirst(8) {
                var entry = stored.entry
                var actor = stored.actor
                if stored.sequence == 13 {
                    entry = entry.replacingOccurrences(of: "maria.lopez", with: "mallory")
                    actor = actor.replacingOccurrences(of: "maria.lopez", with: "mallory")
                }
                let hash = HashChain.hash(previous: previous, entry: Array(entry.utf8))
                statements.append(
                    "UPDATE ledger SET entry = '\(Self.quoted(entry))', actor = '\(Self.quoted(actor))', "
                        + "previous_hash = '\(previous)', hash = '\(hash)' WHERE sequence = \(stored.sequence);")
                previous = hash
            }
            statements.append(Self.restoreGuard(backend))
            let rewritten = try await database.executeOutsideStore(statements.joined(separator: "\n"))
            #expect(rewritten.succeeded, "\(rewritten.output)")

            try await withOpenStore(database) { store in
                #expect(try await store.entry(13)?.actor.contains("mallory") == true)
                let report = try await store.verify()
                #expect(report.isValid, "\(report.problem ?? "")")
                let alone = try #require(try await store.firstFault(extending: [late]))
                #expect(alone.sequence == 1 && alone.problem.contains("at or before entry 14"), "\(alone)")
                let bracketed = try #require(try await store.firstFault(extending: [early, late]))
                #expect(bracketed.sequence == 6 && bracketed.problem.contains("between 6 and 14"), "\(bracketed)")
            }
        }
    }

    @Test("a witness's cosignature is kept once checked against its registered key", arguments: Backend.all)
    func cosignatures(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let key = try Self.key()
            try await store.appendSetup()
            let signed = try await store.signCheckpoint(with: key).signed
            try await store.insertAccount(
                AccountRecord(
                    username: "mex", displayName: "Mexico", role: "delegate", participant: "MEX", language: "es",
                    passwordHash: "x", createdAt: 0))
            let witness = try NoteSigner(name: "mex.example/witness", type: .cosignature, privateKey: .init())
            let cosigned = try signed.cosigned(by: witness, at: 1_795_000_000)

            // Without a registered key nothing can be checked, so nothing is kept.
            await #expect(throws: CheckpointError.noWitnessKey("mex")) {
                try await store.recordCosignature(cosigned, by: "mex", for: "MEX")
            }
            try await store.setWitnessKey(witness.verifier, of: "mex")
            #expect(try await store.witnessKey(of: "mex") == witness.verifier.vkey)

            let (kept, isNew) = try await store.recordCosignature(cosigned, by: "mex", for: "MEX")
            #expect(
                isNew && kept.participant == "MEX" && kept.time == 1_795_000_000 && kept.size == signed.checkpoint.size)
            #expect(try await store.recordCosignature(cosigned, by: "mex", for: "MEX").isNew == false)

            // The checkpoint as served now carries the cosignature, which verifies with the witness's key.
            let latest = try #require(try await store.latestCheckpoint())
            #expect(latest.witnesses.map(\.username) == ["mex"])
            let served = try SignedCheckpoint(parsing: latest.signed.description)
            try served.verify(key.verifier)
            #expect(try served.cosignature(by: witness.verifier).time == 1_795_000_000)

            // A cosignature by another key than the one registered, or of a checkpoint this ledger never
            // signed, is refused.
            let stranger = try NoteSigner(name: "mex.example/witness", type: .cosignature, privateKey: .init())
            await #expect(throws: CheckpointError.note(.notSignedBy(witness.verifier.vkey))) {
                try await store.recordCosignature(try signed.cosigned(by: stranger, at: 1), by: "mex", for: "MEX")
            }
            let forged = try SignedCheckpoint.sign(
                Checkpoint(
                    origin: key.name, size: signed.checkpoint.size, hash: HashChain.genesis,
                    time: signed.checkpoint.time),
                with: key)
            await #expect(throws: CheckpointError.self) {
                try await store.recordCosignature(try forged.cosigned(by: witness, at: 2), by: "mex", for: "MEX")
            }
        }
    }

    /// The setup (unless `setup` is false), the VIII RCM, and two progress reports: 14 entries.
    private static func appendHistory(to store: Store, setup: Bool = true) async throws {
        if setup { try await store.appendSetup() }
        try await store.append(Fixture.secondMeeting)
        try await store.append([
            Fixture.editorial(.changeStatus(item: Fixture.activity, to: .ongoing)),
            Fixture.editorial(.changeStatus(item: Fixture.activity, to: .pendingCompletion)),
        ])
    }

    /// What someone with a database shell runs to let UPDATE and DELETE through the ledger's guard.
    private static func allowUpdates(_ backend: Backend) -> String {
        switch backend {
        case .sqlite: "DROP TRIGGER ledger_refuses_update; DROP TRIGGER ledger_refuses_delete;"
        case .postgres: "ALTER TABLE ledger DISABLE TRIGGER USER;"
        }
    }

    /// Puts the ledger's guard back as it was, so that nothing looks amiss (the store refuses to open a
    /// ledger without it).
    private static func restoreGuard(_ backend: Backend) -> String {
        switch backend {
        case .sqlite:
            """
            CREATE TRIGGER ledger_refuses_update BEFORE UPDATE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be changed'); END;
            CREATE TRIGGER ledger_refuses_delete BEFORE DELETE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be removed'); END;
            """
        case .postgres: "ALTER TABLE ledger ENABLE TRIGGER USER;"
        }
    }

    /// Removes the entries after `size` and the projection rows they made, reopening the versions they had
    /// closed, and puts the ledger's guard back as it was.
    private static func truncate(to size: Int64, _ backend: Backend) -> String {
        let restore = restoreGuard(backend)
        return allowUpdates(backend)
            + """

            DELETE FROM entity_versions WHERE valid_from > \(size);
            UPDATE entity_versions SET valid_to = NULL WHERE valid_to > \(size);
            \(orphanSearchRows)
            DELETE FROM ledger WHERE sequence > \(size);

            """ + restore
    }

    /// The search index's rows of entities no longer in the projections: a truncation that verify is not to see
    /// removes them too (the entries removed here only add entities or change statuses, which have no words).
    static let orphanSearchRows = """
        DELETE FROM search_entries WHERE NOT EXISTS (SELECT 1 FROM entity_versions v \
        WHERE v.kind = search_entries.kind AND v.id = search_entries.id AND v.valid_to IS NULL);
        """

    /// `text` inside single quotes in SQL.
    private static func quoted(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}
