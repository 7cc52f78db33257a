import AccordCore

/// Who may do what with the shared migration statistics (issue 21), decided here for the API, the pages and
/// the CLI; Core's rules check the writes again whoever asks.
///
/// The statistics are compiled by the Technical Secretariat from what each member state reports: a state's
/// figures, and its confidential cells (CONF_STATUS C), are the Secretariat's to read until a release publishes
/// them through disclosure control. Everyone else — delegations, the Presidency, observers and the public —
/// reads the published releases, with confidential and small cells withheld.
extension Policy {
    /// Whether the principal reads the statistics as committed, before publication and without disclosure
    /// control: the Secretariat (and the trial mode, which acts as one).
    public var readsUnpublishedStatistics: Bool { principal?.role == .secretariat }

    /// Whether the principal may upload and commit `area`'s statistics: its own delegation, or the Secretariat
    /// on its behalf.
    public func uploadsStatistics(for area: ParticipantID) -> Bool {
        switch principal?.role {
        case .secretariat: true
        case .delegate: principal?.participant == area
        default: false
        }
    }

    /// Publishing a release, and adding a code to a codelist, are the Secretariat's.
    public var publishesStatistics: Bool { principal?.role == .secretariat }
}
