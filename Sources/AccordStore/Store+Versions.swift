import AccordCore
import Foundation
import SQLKit

extension Store {
    /// Every stored version of the plan items (or of one), oldest first per item, with the ledger position
    /// each became valid at: what the age of a translation against its source is read from.
    public func itemVersions(of number: ItemNumber? = nil) async throws -> [ItemNumber: [(from: Int64, item: PlanItem)]]
    {
        try await itemVersions(of: number.map { [$0] }, after: nil, through: nil)
    }

    /// The versions of the items `numbers` (of all when nil) valid from a ledger position in
    /// `(after, through]`, oldest first per item.
    func itemVersions(of numbers: [ItemNumber]?, after lower: Int64?, through upper: Int64?) async throws
        -> [ItemNumber: [(from: Int64, item: PlanItem)]]
    {
        // `IN ()` is an error on PostgreSQL: no items, no versions.
        if numbers?.isEmpty == true { return [:] }
        var filter = SQLQueryString("")
        if let numbers {
            let list = numbers.map { SQLQueryString("\(bind: $0.rawValue)") }.joined(separator: ", ")
            filter = filter + " AND id IN (" + list + ")"
        }
        if let lower { filter = filter + " AND valid_from > \(bind: lower)" }
        if let upper { filter = filter + " AND valid_from <= \(bind: upper)" }
        let query =
            "SELECT id, valid_from, document FROM entity_versions WHERE kind = 'item'" + filter
            + " ORDER BY id, valid_from"
        let rows = try await database.withSession { db in
            try await db.raw(query).all().map {
                (
                    try $0.decode(column: "valid_from", as: Int64.self),
                    try $0.decode(column: "document", as: String.self)
                )
            }
        }
        let decoder = JSONDecoder()
        var versions: [ItemNumber: [(from: Int64, item: PlanItem)]] = [:]
        for (from, document) in rows {
            let item = try decoder.decode(PlanItem.self, from: Data(document.utf8))
            versions[item.number, default: []].append((from, item))
        }
        return versions
    }
}
