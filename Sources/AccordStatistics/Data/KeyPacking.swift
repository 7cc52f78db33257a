/// Packs an observation's key (its eight codes and its period) into one 64-bit integer, so that keys are
/// compared, sorted and hashed as integers.
///
/// Each dimension gets as many bits as its codelist's size needs and the period 16: with the codelists of
/// `RCM:DSD_MIGR_FLOW(1.0)` that is 54 bits, leaving room for the codelists to grow. The order of the
/// packed keys is the order of the dimensions, then the period.
struct KeyPacking: Sendable {
    /// The shift of each dimension's bits, in `KeyDimension` order, then the period's (0).
    let shifts: [UInt64]
    /// The mask of each dimension's bits once shifted down.
    let masks: [UInt64]

    init(_ structure: DataStructure) {
        var widths = KeyDimension.allCases.map { dimension -> UInt64 in
            let count = max(structure.codelist(dimension).count, 2)
            return UInt64(64 - (count - 1).leadingZeroBitCount)
        }
        let total = widths.reduce(16, +)
        // 65,535 codes in every one of eight codelists cannot fit; the structure's codelists are far smaller.
        precondition(total <= 64, "the codelists of \(structure.reference) are too large for 64-bit keys")
        widths.append(16)
        var shifts: [UInt64] = []
        var shift = UInt64(total)
        for width in widths {
            shift -= width
            shifts.append(shift)
        }
        self.shifts = shifts
        masks = widths.map { (1 << $0) - 1 }
    }

    /// The packed key of every observation of `table`.
    func keys(of table: ObservationTable) -> [UInt64] {
        var keys = table.periods.map { UInt64($0) }
        keys.withUnsafeMutableBufferPointer { keys in
            for dimension in KeyDimension.allCases {
                let shift = shifts[dimension.rawValue]
                table.codes[dimension.rawValue].withUnsafeBufferPointer { column in
                    for index in 0..<column.count { keys[index] |= UInt64(column[index]) << shift }
                }
            }
        }
        return keys
    }

    /// `key` with `dimension`'s code replaced by `code`.
    func replacing(_ dimension: KeyDimension, in key: UInt64, with code: UInt16) -> UInt64 {
        let shift = shifts[dimension.rawValue]
        return (key & ~(masks[dimension.rawValue] << shift)) | (UInt64(code) << shift)
    }

    /// The code of `dimension` in `key`.
    func code(_ dimension: KeyDimension, in key: UInt64) -> UInt16 {
        UInt16(truncatingIfNeeded: (key >> shifts[dimension.rawValue]) & masks[dimension.rawValue])
    }

    /// `key` with its period replaced by `period`.
    func replacingPeriod(in key: UInt64, with period: UInt16) -> UInt64 { (key & ~0xFFFF) | UInt64(period) }
}

/// Sorting of packed keys, carrying each key's row.
enum KeySort {
    /// The indices of `keys` in ascending key order; equal keys keep their order (the sort is stable).
    ///
    /// A least-significant-digit radix sort on 11-bit digits, skipping the digits no key uses and those
    /// all keys share: at most five passes over 54-bit keys, each a counting pass and a scatter, linear in
    /// the number of keys. Keys already in order (a file written in key order, a cube built from such
    /// files) cost one comparison each and no sort.
    static func order(of keys: [UInt64]) -> [UInt32] {
        let count = keys.count
        var order = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = UInt32(index) }
            initialized = count
        }
        guard count > 1 else { return order }
        let isSorted = keys.withUnsafeBufferPointer { keys in
            for index in 1..<keys.count where keys[index] < keys[index - 1] { return false }
            return true
        }
        if isSorted { return order }
        let used = keys.reduce(0, |)
        let bits = 64 - used.leadingZeroBitCount
        var current = keys
        var scratchKeys = [UInt64](repeating: 0, count: count)
        var scratchOrder = [UInt32](repeating: 0, count: count)
        let digitBits = 11
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        var shift = 0
        while shift < bits {
            let mask = UInt64((1 << digitBits) - 1)
            var skipped = false
            current.withUnsafeBufferPointer { source in
                order.withUnsafeBufferPointer { sourceOrder in
                    scratchKeys.withUnsafeMutableBufferPointer { target in
                        scratchOrder.withUnsafeMutableBufferPointer { targetOrder in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for index in 0..<counts.count { counts[index] = 0 }
                                for key in source { counts[Int((key >> UInt64(shift)) & mask)] += 1 }
                                // A digit every key shares leaves the order as it is.
                                if counts.contains(where: { $0 == source.count }) {
                                    skipped = true
                                    return
                                }
                                var total = 0
                                for index in 0..<counts.count {
                                    let value = counts[index]
                                    counts[index] = total
                                    total += value
                                }
                                for index in 0..<source.count {
                                    let key = source[index]
                                    let digit = Int((key >> UInt64(shift)) & mask)
                                    let place = counts[digit]
                                    counts[digit] = place + 1
                                    target[place] = key
                                    targetOrder[place] = sourceOrder[index]
                                }
                            }
                        }
                    }
                }
            }
            if !skipped {
                swap(&current, &scratchKeys)
                swap(&order, &scratchOrder)
            }
            shift += digitBits
        }
        return order
    }
}
