/// The rules of attached files (issue 19 §2): who may attach what to which entity.
///
/// The Secretariat keeps the record and attaches to anything, on an editorial reason. A delegation attaches to
/// its own country's proposals, comments and reports on its own authority, as it files them (the Secretariat
/// may do so on its behalf, which the record says); a meeting's or a decision's documents are the
/// Secretariat's to attach.
extension ProcessState {
    mutating func attach(_ attachment: Attachment, context: Context) throws(ChangeError) -> [EntityRef] {
        let next = attachments.count + 1
        guard attachment.number == next else {
            throw .duplicate(
                field: "attachment.number",
                reason: "the next attachment is number \(next), not \(attachment.number); another file was attached "
                    + "meanwhile")
        }
        guard attachment.attached == nil else {
            throw .invalid(
                field: "attachment.attached",
                reason: "who attached a file and when is the ledger's to say, not the change's")
        }
        let owner = try owner(of: attachment.target)
        if let owner {
            // A participant's own document: its delegation, or the Secretariat on its behalf; never another one.
            _ = try speaker(for: owner, context: context, field: "attachment.target")
        } else if context.actor.role != .secretariat, context.actor.role != .system {
            throw .ruleViolation(
                field: "actor.role", rule: "capacity",
                reason: "the documents of a \(attachment.target.kind.rawValue) are the Secretariat's to attach; "
                    + "a \(context.actor.role.rawValue) attaches to its own country's proposals, comments and reports")
        }
        try Check.fileName(attachment.name, field: "attachment.name")
        guard Attachment.mediaTypes.contains(attachment.mediaType) else {
            throw .invalid(
                field: "attachment.mediaType",
                reason: "'\(attachment.mediaType)' is not a type files are kept in: \(Attachment.mediaTypes.sorted())")
        }
        guard attachment.bytes > 0 else {
            throw .invalid(field: "attachment.bytes", reason: "an attached file is not empty")
        }
        try Check.sha256(attachment.sha256, field: "attachment.sha256")
        if let title = attachment.title {
            try Check.localized(title, field: "attachment.title", limit: TextLimit.title)
        }
        var stored = attachment
        stored.attached = .init(sequence: context.sequence, by: context.actor.name, at: context.recordedAt)
        attachments[attachment.number] = stored
        return [.attachment(attachment.number)]
    }

    /// The participant whose own document `target` is (nil for a meeting or a decision).
    ///
    /// - Throws: `unknownReference` naming `attachment.target.id` when nothing of the kind has that identifier.
    private func owner(of target: AttachmentTarget) throws(ChangeError) -> ParticipantID? {
        guard holds(target.ref) else {
            throw .unknownReference(
                field: "attachment.target.id", reason: "no \(target.kind.rawValue) '\(target.id)' is recorded")
        }
        return participant(owning: target)
    }

    /// The participant whose own document `target` is — a proposal's submitter, a comment's or a report's
    /// country — on whose authority its delegation attaches to it; nil for a meeting, a decision, or an entity
    /// the state does not hold.
    public func participant(owning target: AttachmentTarget) -> ParticipantID? {
        switch target.ref {
        case .proposal(let id): proposals[id]?.submitter
        case .comment(let id): comments[id]?.participant
        case .report(let id): reports[id]?.participant
        default: nil
        }
    }

    /// The files attached to `target`, in the order they were attached.
    public func attachments(to target: AttachmentTarget) -> [Attachment] {
        attachments.values.filter { $0.target == target }.sorted { $0.number < $1.number }
    }
}

extension Check {
    /// A file's name as a download offers it: a plain name, without folders, quotes, backslashes or control
    /// characters, so that no browser or shell reads more into it.
    static func fileName(_ name: String, field: String) throws(ChangeError) {
        try text(name, field: field, limit: 255)
        guard name != ".", name != "..",
            !name.unicodeScalars.contains(where: {
                "/\\\"".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F
            })
        else {
            throw .invalid(
                field: field, reason: "'\(name)' is not a plain file name: no folders, quotes or line breaks")
        }
    }
}
