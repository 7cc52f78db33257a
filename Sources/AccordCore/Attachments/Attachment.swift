/// A file attached to the record — an outcome document, written comments, a report as PDF or DOCX — kept beside
/// the ledger under its SHA-256, which the entry that attaches it carries (issue 19 §2).
///
/// Attachments are numbered 1, 2, 3… in the order they are attached, like editions and releases, so that a
/// download's address never depends on where the file is kept. The bytes are not part of the record's state:
/// only their digest, size and type, so a state stays small whatever is attached.
public struct Attachment: Codable, Sendable, Hashable {
    /// 1 for the first file attached, one more for each next one.
    public var number: Int
    /// What the file is attached to.
    public var target: AttachmentTarget
    /// The file's name as it is offered for download: no folders, quotes or line breaks.
    public var name: String
    /// The file's type, as Accord read it from the bytes (never as a browser or the sender declared it).
    public var mediaType: String
    /// Its size in bytes.
    public var bytes: Int
    /// The SHA-256 of its bytes, in lower-case hexadecimal.
    public var sha256: String
    /// What the file is, in one or more languages ("Conclusiones de la reunión").
    public var title: LocalizedText?
    /// The language the document is written in, when it is in one.
    public var language: Language?
    /// Who attached it and when: set by the ledger from the entry, never by the change.
    public var attached: Attached?

    public init(
        number: Int, target: AttachmentTarget, name: String, mediaType: String, bytes: Int, sha256: String,
        title: LocalizedText? = nil, language: Language? = nil
    ) {
        self.number = number
        self.target = target
        self.name = name
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
        self.title = title
        self.language = language
    }

    /// The entry that attached a file: its position, who made it and when.
    public struct Attached: Codable, Sendable, Hashable {
        public var sequence: Int64
        public var by: String
        public var at: Timestamp

        public init(sequence: Int64, by: String, at: Timestamp) {
            self.sequence = sequence
            self.by = by
            self.at = at
        }
    }

    /// The media types a file may have: documents and images that no browser runs, never HTML, SVG or scripts.
    public static let mediaTypes: Set<String> = [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "image/png",
        "image/jpeg",
        "text/plain",
    ]
}

/// What a file is attached to: a meeting, a decision, a proposal, a comment or a report.
public struct AttachmentTarget: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of entity a file may be attached to.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case meeting, decision, proposal, comment, report
    }

    public var kind: Kind
    /// The entity's identifier ("XIX-RCM", "RCGM-2014-11/3", "MEX-REVIEW"…).
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// The entity, as the state names it.
    public var ref: EntityRef {
        switch kind {
        case .meeting: .meeting(MeetingID(id))
        case .decision: .decision(DecisionID(id))
        case .proposal: .proposal(ProposalID(id))
        case .comment: .comment(CommentID(id))
        case .report: .report(ReportID(id))
        }
    }

    /// Whether it is a participant's own document, which its delegation attaches to on its own authority.
    public var isParticipantsOwn: Bool { kind == .proposal || kind == .comment || kind == .report }

    public var description: String { "\(kind.rawValue) \(id)" }
}
