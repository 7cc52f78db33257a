import AccordCore
import AccordStatistics
import AccordStore

extension StatisticsService {
    /// Publishes a release: the newest vintage of every state and flow, public from now on through disclosure
    /// control. One ledger entry, by the Secretariat.
    ///
    /// - Parameters:
    ///   - date: the day of publication.
    ///   - notes: the release notes.
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `ChangeError` from Core (nothing to
    ///   publish, a date before the last release's).
    @discardableResult
    public func publish(on date: PartialDate, notes: LocalizedText?, as principal: Principal?) async throws
        -> AppendedEntry
    {
        let policy = Policy(principal: principal)
        try policy.require(policy.publishesStatistics, "publish a statistical release, which is the Secretariat's")
        let state = try await store.currentState()
        var newest: [String: StatisticalVintage] = [:]
        for vintage in state.vintages.values {
            let key = "\(vintage.flow)/\(vintage.area)"
            if let kept = newest[key], kept.number > vintage.number { continue }
            newest[key] = vintage
        }
        let number = state.releases.count + 1
        let release = StatisticalRelease(
            number: number, date: date, vintages: newest.values.map(\.id).sorted(), notes: notes)
        return try await record.record(
            .publishRelease(release), authority: .editorial(reason: "statistical release \(number) of \(date)"),
            as: principal)
    }

    /// Adds a code to a codelist of the structure (a new border point, say), on `authority`: the Secretariat's
    /// editorial power, or a decision that declared the addition.
    ///
    /// - Throws: `AuthError` unless `principal` is the Secretariat; `ChangeError` naming the field when the
    ///   codelist is not one a dimension uses, or already has the code.
    @discardableResult
    public func addCode(_ addition: CodeAddition, authority: Authority, as principal: Principal?) async throws
        -> AppendedEntry
    {
        let policy = Policy(principal: principal)
        try policy.require(policy.publishesStatistics, "add a code to a codelist, which is the Secretariat's")
        let structure = try structure(in: try await store.currentState())
        do {
            _ = try structure.adding([(addition.codelist, Code(id: addition.code, names: addition.names))])
        } catch {
            switch error {
            case .unknownCodelist(let id):
                let codelists = KeyDimension.allCases.map { structure.codelist($0).id }.joined(separator: ", ")
                throw ChangeError.unknownReference(
                    field: "code.codelist", reason: "no dimension uses the codelist '\(id)'; they use \(codelists)")
            case .duplicateCode: throw ChangeError.duplicate(field: "code.code", reason: error.description)
            default: throw ChangeError.invalid(field: "code.code", reason: error.description)
            }
        }
        return try await record.record(.addCode(addition), authority: authority, as: principal)
    }
}
