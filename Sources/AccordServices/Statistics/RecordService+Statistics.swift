import AccordCore
import AccordStore

extension RecordService {
    /// Records `change` on `authority` as `principal`, with the files it names by their SHA-256 (a vintage's
    /// upload and observations) kept in the same transaction: all or nothing. A checkpoint is signed after it,
    /// as after every write.
    ///
    /// - Throws: `AuthError` without an acting principal; `ChangeError` from the rules.
    @discardableResult
    func record(_ change: Change, authority: Authority, storing files: [StoredFile], as principal: Principal?)
        async throws -> AppendedEntry
    {
        let appended = try await store.append(
            [ProposedChange(change, by: try Self.actor(of: principal), authority: authority)], storing: files)
        await signAfterWrite()
        return appended[0]
    }
}
