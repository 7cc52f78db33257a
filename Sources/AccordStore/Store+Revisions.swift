import AccordCore
import Foundation

extension Store {
    /// Every stored version of one entity, oldest first, each with the ledger position it became valid at:
    /// a report's revisions, which the projections keep as they keep every entity's history.
    ///
    /// - Throws: `StoreError.corruptRow` for a row that does not decode as its kind.
    public func versions(of ref: EntityRef) async throws -> [(from: Int64, record: Record)] {
        let rows = try await database.withSession { db in try await EntityVersionsTable.history(of: ref, on: db) }
        let decoder = JSONDecoder()
        return try rows.map { row in
            do {
                return (row.validFrom, try Record.decode(kind: ref.kind, from: Data(row.document.utf8), using: decoder))
            } catch {
                throw StoreError.corruptRow(
                    table: "entity_versions", key: "\(row.ref) from \(row.validFrom)", reason: "\(error)")
            }
        }
    }
}
