import AccordCore

/// The comparison of the stored projection rows with the rows the ledger implies.
enum ProjectionCheck {
    /// The earliest difference between `stored` and `expected` (each version's document digest), entity by
    /// entity, version by version.
    static func firstDifference(stored: [EntityVersion], expected: [EntityRef: [(Int64, String)]]) -> (
        Int64, String
    )? {
        var problems: [(Int64, String)] = []
        let storedByRef = Dictionary(grouping: stored, by: \.ref)
        for ref in Set(storedByRef.keys).union(expected.keys) {
            let have = (storedByRef[ref] ?? []).sorted { $0.validFrom < $1.validFrom }
            let want = expected[ref] ?? []
            if let problem = firstDifference(of: ref, have: have, want: want) { problems.append(problem) }
        }
        return problems.min { $0.0 < $1.0 }
    }

    private static func firstDifference(of ref: EntityRef, have: [EntityVersion], want: [(Int64, String)]) -> (
        Int64, String
    )? {
        for index in 0..<max(have.count, want.count) {
            guard index < have.count else {
                return (want[index].0, "the projection of \(ref) lacks the version made by entry \(want[index].0)")
            }
            guard index < want.count else {
                return (have[index].validFrom, "the projection of \(ref) has a version no entry made")
            }
            let (sequence, digest) = want[index]
            let version = have[index]
            let validTo = index + 1 < want.count ? want[index + 1].0 : nil
            if version.validFrom != sequence || version.validTo != validTo {
                return (min(sequence, version.validFrom), "the projection of \(ref) has the wrong validity")
            }
            if HashChain.digest(of: version.document.utf8) != digest {
                return (sequence, "the projection of \(ref) differs from what entry \(sequence) made")
            }
        }
        return nil
    }
}
