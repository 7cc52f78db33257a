/// The forum whose record a database keeps: one process per database.
public struct Process: Codable, Sendable, Hashable {
    /// Its short code ("RCM").
    public var id: ProcessID
    /// Its name in each language.
    public var name: LocalizedText
    /// The languages its documents are issued in.
    public var languages: [Language]

    public init(id: ProcessID, name: LocalizedText, languages: [Language]) {
        self.id = id
        self.name = name
        self.languages = languages
    }
}
