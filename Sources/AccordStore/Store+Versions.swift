import AccordCore
import Foundation
import SQLKit

extension Store {
    /// Every stored version of the plan items (or of one), oldest first per item, with the ledger position
    /// each became valid at: what the age of a translation against its source is read from.
    public func itemVersions(of number: ItemNumber? = nil) async throws -> [ItemNumber: [(from: Int64, item: PlanItem)]]
    {
        let rows = try await database.withSession { db in
            let only = number.map { SQLQueryString("AND id = \(bind: $0.rawValue)") } ?? SQLQueryString("")
            return try await db.raw(
                "SELECT id, valid_from, document FROM entity_versions WHERE kind = 'item' \(only) ORDER BY id, valid_from"
            ).all().map {
                (
                    try $0.decode(column: "valid_from", as: Int64.self),
                    try $0.decode(column: "document", as: String.self)
                )
            }
        }
        let decoder = JSONDecoder()
        var versions: [ItemNumber: [(from: Int64, item: PlanItem)]] = [:]
        for (from, document) in rows {
            guard case .item(let item) = try Record.decode(kind: "item", from: Data(document.utf8), using: decoder)
            else { continue }
            versions[item.number, default: []].append((from, item))
        }
        return versions
    }
}
