/// The rules of the shared migration statistics (issue 21): codes added to the codelists, vintages committed by
/// the delegation of their own reporting state, releases published by the Secretariat.
extension ProcessState {
    /// The formats an upload may come in.
    public static let uploadFormats: Set<String> = ["sdmx-csv", "csv", "xlsx"]

    mutating func applyStatistics(_ change: Change, context: Context) throws(ChangeError) -> [EntityRef] {
        switch change {
        case .addCode(let addition):
            try addCode(addition)
            return [.code(addition.id)]
        case .commitVintage(let vintage):
            try commit(vintage, context: context)
            return [.vintage(vintage.id)]
        case .publishRelease(let release):
            try publish(release)
            return [.release(release.number)]
        default:
            return []
        }
    }

    /// The newest vintage of `area`'s submissions of `flow`, if it has any.
    public func newestVintage(of flow: String, area: ParticipantID) -> StatisticalVintage? {
        var number = 1
        var newest: StatisticalVintage?
        // Numbers run 1, 2, 3… without gaps, so the newest is found by counting up.
        while let vintage = vintages[StatisticalVintage.id(flow: flow, area: area, number: number)] {
            newest = vintage
            number += 1
        }
        return newest
    }

    /// The newest release, if one was published.
    public var newestRelease: StatisticalRelease? { releases[releases.count] }

    private mutating func addCode(_ addition: CodeAddition) throws(ChangeError) {
        try Check.sdmxIdentifier(addition.codelist, field: "code.codelist")
        try Check.sdmxIdentifier(addition.code, field: "code.code")
        try Check.localized(addition.names, field: "code.names", limit: TextLimit.title)
        guard codeAdditions[addition.id] == nil else {
            throw .duplicate(
                field: "code.code",
                reason: "\(addition.codelist) already has the code \(addition.code); codes are added once")
        }
        codeAdditions[addition.id] = addition
    }

    private mutating func commit(_ vintage: StatisticalVintage, context: Context) throws(ChangeError) {
        guard let participant = participants[vintage.area] else {
            throw .unknownReference(field: "vintage.area", reason: "no participant has the code '\(vintage.area)'")
        }
        guard participant.kind == .memberState else {
            throw .ruleViolation(
                field: "vintage.area", rule: "reporting-state",
                reason: "\(vintage.area) is not a member state; member states report their own statistics")
        }
        // The delegation of the reporting state itself, or the Secretariat on its behalf: never another state.
        _ = try speaker(for: vintage.area, context: context, field: "vintage.area")
        try Check.sdmxIdentifier(vintage.flow, field: "vintage.flow")
        let next = (newestVintage(of: vintage.flow, area: vintage.area)?.number ?? 0) + 1
        guard vintage.number == next else {
            throw .duplicate(
                field: "vintage.number",
                reason:
                    "the next vintage of \(vintage.area)'s \(vintage.flow) is number \(next), not \(vintage.number); "
                    + "another upload was committed meanwhile: review the preview again")
        }
        try Check.text(vintage.file.name, field: "vintage.file.name", limit: TextLimit.title)
        guard Self.uploadFormats.contains(vintage.file.format) else {
            throw .invalid(
                field: "vintage.file.format",
                reason: "'\(vintage.file.format)' is not a format uploads come in: \(Self.uploadFormats.sorted())")
        }
        try Check.sha256(vintage.file.sha256, field: "vintage.file.sha256")
        try Check.sha256(vintage.data.sha256, field: "vintage.data.sha256")
        guard vintage.file.bytes > 0, vintage.data.observations >= 0 else {
            throw .invalid(field: "vintage.data", reason: "a vintage comes from a non-empty file")
        }
        vintages[vintage.id] = vintage
    }

    private mutating func publish(_ release: StatisticalRelease) throws(ChangeError) {
        let next = releases.count + 1
        guard release.number == next else {
            throw .duplicate(field: "release.number", reason: "the next release is number \(next)")
        }
        guard release.date.day != nil else {
            throw .invalid(field: "release.date", reason: "a release is published on a day: YYYY-MM-DD")
        }
        if let previous = newestRelease, release.date < previous.date {
            throw .ruleViolation(
                field: "release.date", rule: "release-order",
                reason: "release \(previous.number) was published on \(previous.date); a later release cannot be "
                    + "dated \(release.date)")
        }
        guard !release.vintages.isEmpty else {
            throw .invalid(field: "release.vintages", reason: "a release publishes at least one vintage")
        }
        var seen = Set<String>()
        for (index, id) in release.vintages.enumerated() {
            guard let vintage = vintages[id] else {
                throw .unknownReference(field: "release.vintages[\(index)]", reason: "no vintage '\(id)' is recorded")
            }
            guard seen.insert("\(vintage.flow)/\(vintage.area)").inserted else {
                throw .invalid(
                    field: "release.vintages[\(index)]",
                    reason: "a release publishes one vintage of \(vintage.area)'s \(vintage.flow), not two")
            }
        }
        if let notes = release.notes { try Check.localized(notes, field: "release.notes", limit: TextLimit.text) }
        releases[release.number] = release
    }
}

extension Check {
    /// An SDMX identifier (the IDType of the SDMX-ML schemas): letters, digits, `_`, `@`, `$` and `-`, at most
    /// 255 characters.
    static func sdmxIdentifier(_ text: String, field: String) throws(ChangeError) {
        let allowed = text.utf8.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || [UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "-")].contains(byte)
        }
        guard (1...255).contains(text.utf8.count), allowed else {
            throw .invalid(
                field: field, reason: "'\(text)' is not an SDMX identifier: use letters, digits, '_', '@', '$' or '-'")
        }
    }

    /// A SHA-256 digest in lower-case hexadecimal.
    static func sha256(_ text: String, field: String) throws(ChangeError) {
        guard HashChain.isDigest(text) else {
            throw .invalid(field: field, reason: "a SHA-256 is 64 lower-case hexadecimal digits")
        }
    }
}
