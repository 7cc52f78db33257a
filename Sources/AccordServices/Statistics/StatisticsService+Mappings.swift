import AccordCore
import AccordStatistics
import Foundation

extension StatisticsService {
    /// Saves how `area`'s spreadsheet export is read, under `name`, to be chosen again at each upload.
    ///
    /// - Throws: `AuthError` unless `principal` uploads for `area`; `NotFound` for an area that is not a member
    ///   state of the process; `AuthError.invalid` for a name that is not 1–60 letters, digits, spaces, dashes or
    ///   underscores.
    public func saveMapping(
        _ mapping: SpreadsheetMapping, named name: String, for area: ParticipantID, as principal: Principal?
    )
        async throws
    {
        let policy = Policy(principal: principal)
        try policy.require(policy.uploadsStatistics(for: area), "save a spreadsheet mapping for \(area)")
        // The Secretariat may save one for any state, but only for a state: never for a code nobody reports as.
        guard try await state(for: principal).participants[area]?.kind == .memberState else {
            throw NotFound(field: "area", "\(area) is not a member state of the process")
        }
        guard (1...60).contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber || " -_".contains($0) })
        else {
            throw AuthError.invalid(
                field: "name", reason: "a mapping's name is 1–60 letters, digits, spaces, dashes or underscores")
        }
        guard (1...1_048_576).contains(mapping.headerRow) else {
            throw AuthError.invalid(field: "headerRow", reason: "the headers are on a row from 1 to 1,048,576")
        }
        let json = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
        try await store.saveMapping(area: area.rawValue, name: name, mapping: json, by: principal?.username ?? "")
    }

    /// `area`'s saved mappings, by name.
    public func mappings(for area: ParticipantID, as principal: Principal?) async throws
        -> [(name: String, mapping: SpreadsheetMapping)]
    {
        let policy = Policy(principal: principal)
        try policy.require(policy.uploadsStatistics(for: area), "read \(area)'s spreadsheet mappings")
        return try await store.mappings(area: area.rawValue).compactMap { name, json in
            (try? JSONDecoder().decode(SpreadsheetMapping.self, from: Data(json.utf8))).map { (name, $0) }
        }
    }
}
