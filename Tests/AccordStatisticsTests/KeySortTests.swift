import Testing

@testable import AccordStatistics

/// The radix sort behind the duplicate-key check and the preview.
@Suite struct KeySortTests {
    @Test func randomKeysComeOutInStableOrder() {
        var random = SplitMix(seed: 5)
        for size in [0, 1, 2, 100, 5_000] {
            // Few distinct values, so that equal keys are common, over widths that skip digits or not.
            for width in [3, 20, 54] {
                let keys = (0..<size).map { _ in (random.next() % 50) << UInt64(width - min(width, 6)) }
                let order = KeySort.order(of: keys).map(Int.init)
                let expected = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
                #expect(order == expected, "size \(size), width \(width)")
            }
        }
    }

    @Test func keysAlreadyInOrderKeepTheirOrder() {
        let keys: [UInt64] = [1, 1, 2, 9, 9, 9, 40]
        #expect(KeySort.order(of: keys) == [0, 1, 2, 3, 4, 5, 6])
        #expect(
            Duplicates.pairs(keys: keys, order: KeySort.order(of: keys)).map { [$0.0, $0.1] } == [
                [0, 1], [3, 4], [3, 5],
            ])
    }
}

/// The duplicate check's two ways (a bitmap over the dense key space, a sort) agree.
@Suite struct DuplicateKeyTests {
    @Test func theBitmapAndTheSortFindTheSameRepeats() {
        var random = SplitMix(seed: 8)
        for size in [2, 50, 3_000] {
            var table = ObservationTable()
            for _ in 0..<size {
                let codes = KeyDimension.allCases.map { UInt16(random.next() % ($0 == .sex ? 4 : 3)) }
                let period = UInt16(24_000 + random.next() % 4)
                table.append(ObservationTable.Row(codes: codes, period: period, value: 1, status: 0, unit: 0))
            }
            let keys = table.packedKeys(in: structure)
            let sorted = Duplicates.pairs(keys: keys, order: KeySort.order(of: keys)).map { [$0.0, $0.1] }
            let found = DuplicateKeys.pairs(in: table, structure: structure).map { [$0.0, $0.1] }
            #expect(found.sorted { $0[1] < $1[1] } == sorted.sorted { $0[1] < $1[1] }, "size \(size)")
            #expect(size < 3_000 || !found.isEmpty)
        }
    }
}
