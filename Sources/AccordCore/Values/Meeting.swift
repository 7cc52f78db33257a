/// A session of a body: "V RCM, Washington, March 2000".
public struct Meeting: Codable, Sendable, Hashable, Identifiable {
    /// Its code ("RCM-V").
    public var id: MeetingID
    /// The body that met.
    public var body: BodyID
    /// Its usual name ("V RCM").
    public var title: LocalizedText
    /// First day, as far as it is known.
    public var start: PartialDate?
    /// Last day, as far as it is known.
    public var end: PartialDate?
    /// City and country, or "virtual".
    public var place: LocalizedText?
    /// The host country, usually the Presidency Pro-Tempore.
    public var host: ParticipantID?
    /// Participants present.
    public var attendance: [ParticipantID]
    /// What the meeting was about, where its convocation names a theme ("Migration and development").
    public var theme: LocalizedText?

    public init(
        id: MeetingID, body: BodyID, title: LocalizedText, start: PartialDate? = nil, end: PartialDate? = nil,
        place: LocalizedText? = nil, host: ParticipantID? = nil, attendance: [ParticipantID] = [],
        theme: LocalizedText? = nil
    ) {
        self.id = id
        self.body = body
        self.title = title
        self.start = start
        self.end = end
        self.place = place
        self.host = host
        self.attendance = attendance
        self.theme = theme
    }
}
