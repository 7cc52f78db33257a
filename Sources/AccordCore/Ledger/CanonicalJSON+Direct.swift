/// A value that writes its own canonical JSON: its members already in key order, straight into the buffer.
///
/// Going through `Encoder` costs a boxed container per object and a generic call per member, which was
/// most of the cost of encoding the entries and records appends write and `verify` writes again. The types
/// every ledger is mostly made of (entries, item changes, items and their texts) write themselves here;
/// everything else still goes through its `encode(to:)`. Each must write exactly what its `encode(to:)`
/// makes Foundation write with sorted keys: the canonical JSON tests compare the two for every kind of
/// change and record, for random plan changes, and for the whole demo.
protocol CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) throws
}

extension LedgerEntry: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) throws {
        writer.literal("{\"actor\":")
        actor.writeCanonical(to: writer)
        writer.literal(",\"authority\":")
        authority.writeCanonical(to: writer)
        writer.literal(",\"change\":")
        try change.writeCanonical(to: writer)
        writer.literal(",\"recordedAt\":")
        writer.writeString(recordedAt.description)
        writer.literal(",\"sequence\":")
        writer.writeInteger(sequence)
        writer.literal("}")
    }
}

extension Actor: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.literal("{\"name\":")
        writer.writeString(name)
        if let participant {
            writer.literal(",\"participant\":")
            writer.writeString(participant.rawValue)
        }
        writer.literal(",\"role\":")
        writer.writeString(role.rawValue)
        writer.literal("}")
    }
}

extension Authority: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        switch self {
        case .decision(let id):
            writer.literal("{\"decision\":")
            writer.writeString(id.rawValue)
        case .editorial(let reason):
            writer.literal("{\"editorial\":")
            writer.writeString(reason)
        case .participant(let id):
            writer.literal("{\"participant\":")
            writer.writeString(id.rawValue)
        }
        writer.literal("}")
    }
}

extension Change: CanonicalDirect {
    /// The changes of items write themselves; the other kinds, far fewer in any ledger, use `encode(to:)`.
    func writeCanonical(to writer: CanonicalWriter) throws {
        switch self {
        case .addItem(let item):
            writer.literal("{\"item\":")
            item.writeCanonical(to: writer)
            writer.literal(",\"kind\":\"add-item\"}")
        case .amendItem(let amendment):
            writer.literal("{\"amendment\":")
            amendment.writeCanonical(to: writer)
            writer.literal(",\"kind\":\"amend-item\"}")
        case .changeStatus(let number, let status):
            writer.literal("{\"kind\":\"change-status\",\"number\":")
            writer.writeString(number.rawValue)
            writer.literal(",\"status\":")
            writer.writeString(status.rawValue)
            writer.literal("}")
        default:
            try writer.encodeCodable(self)
        }
    }
}

extension PlanItem: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.literal("{")
        if let approvedBy {
            writer.literal("\"approvedBy\":")
            writer.writeString(approvedBy.rawValue)
            writer.literal(",")
        }
        writer.literal("\"kind\":")
        writer.writeString(kind.rawValue)
        writer.literal(",\"leads\":")
        leads.writeCanonical(to: writer)
        writer.member(",\"note\":", note)
        writer.literal(",\"number\":")
        writer.writeString(number.rawValue)
        writer.member(",\"parent\":", parent?.rawValue)
        writer.literal(",\"status\":")
        writer.writeString(status.rawValue)
        writer.member(",\"text\":", text)
        writer.member(",\"timeline\":", timeline)
        writer.literal(",\"title\":")
        title.writeCanonical(to: writer)
        writer.member(",\"workplan\":", workplan?.rawValue)
        writer.literal("}")
    }
}

extension ItemAmendment: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.literal("{")
        if let leads {
            writer.literal("\"leads\":")
            leads.writeCanonical(to: writer)
            writer.literal(",")
        }
        if let note {
            writer.literal("\"note\":")
            note.writeCanonical(to: writer)
            writer.literal(",")
        }
        writer.literal("\"number\":")
        writer.writeString(number.rawValue)
        writer.member(",\"parent\":", parent?.rawValue)
        writer.member(",\"text\":", text)
        writer.member(",\"timeline\":", timeline)
        writer.member(",\"title\":", title)
        writer.literal("}")
    }
}

extension LocalizedText: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.literal("{\"authoritative\":")
        writer.writeString(authoritative.rawValue)
        // Only the three languages are written, in their keys' order, as `encode(to:)` writes them.
        writer.member(",\"en\":", self[.en])
        writer.member(",\"es\":", self[.es])
        writer.member(",\"fr\":", self[.fr])
        writer.literal("}")
    }
}

extension Timeline: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.literal("{")
        if let target {
            writer.literal("\"target\":")
            writer.writeString(target.description)
        }
        if let text {
            writer.literal(target == nil ? "\"text\":" : ",\"text\":")
            text.writeCanonical(to: writer)
        }
        writer.literal("}")
    }
}

extension CanonicalWriter {
    /// An optional member, written with the comma before it and its key (`,"key":`) only when present.
    func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        literal(key)
        writeString(value)
    }

    func member(_ key: StaticString, _ value: LocalizedText?) {
        guard let value else { return }
        literal(key)
        value.writeCanonical(to: self)
    }

    func member(_ key: StaticString, _ value: Timeline?) {
        guard let value else { return }
        literal(key)
        value.writeCanonical(to: self)
    }
}

extension [Lead] {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.literal("[")
        for (index, lead) in enumerated() {
            if index > 0 { writer.literal(",") }
            writer.writeString(lead.description)
        }
        writer.literal("]")
    }
}

extension Identifier: CanonicalDirect {
    func writeCanonical(to writer: CanonicalWriter) {
        writer.writeString(rawValue)
    }
}
