import AccordCore

/// Akoma Ntoso 3.0 (OASIS LegalDocML): a meeting's decisions as a `<statement>`, a proposal as an
/// `<amendment>`, one expression per language with its FRBR identifiers.
///
/// The IRIs follow the Akoma Ntoso naming convention (`/akn/<country>/<type>/<date>/<number>/<lang>@`).
/// The RCM is intergovernmental, so its country part is the convention's code for no single country,
/// `int`; the number is the meeting or proposal code in lower case.
public enum AkomaNtoso {
    static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// The ISO 639-2 code Akoma Ntoso names a language by.
    public static func code(_ language: Language) -> String {
        switch language {
        case .es: "spa"
        case .en: "eng"
        case .fr: "fra"
        }
    }

    /// Whether `meeting`'s decisions are written in `language` (or it has none yet): a statement is an
    /// expression of that language's text, so there is none where the language has no text (a stand-in from
    /// another would not be one).
    public static func hasText(of meeting: Meeting, in state: ProcessState, language: Language) -> Bool {
        let decisions = state.decisions.values.filter { $0.meeting == meeting.id }
        return decisions.isEmpty || decisions.contains { $0.text[language] != nil }
    }

    /// Whether `proposal` has its title or an item written in `language`.
    public static func hasText(of proposal: Proposal, language: Language) -> Bool {
        proposal.title[language] != nil || proposal.items.contains { $0.text[language] != nil }
    }

    /// The decisions of `meeting` as a statement in `language`.
    ///
    /// - Parameter generatedOn: the manifestation's date: the day this XML was generated.
    public static func statement(
        of meeting: Meeting, in state: ProcessState, language: Language, generatedOn: PartialDate
    ) -> String {
        let decisions = state.decisions.values.filter { $0.meeting == meeting.id }
            .sorted {
                ConclusionsDocument.paragraphOrder($0.paragraph).lexicographicallyPrecedes(
                    ConclusionsDocument.paragraphOrder($1.paragraph))
            }
        let body = state.bodies[meeting.body]
        var xml = AKNWriter(language: language)
        let work = "/akn/int/statement/\(date(meeting.start ?? generatedOn))/\(slug(meeting.id.rawValue))"
        xml.open(type: "statement", name: "conclusions")
        xml.meta(
            work: work, date: meeting.start ?? generatedOn, dateName: "adoption", generatedOn: generatedOn,
            author: slug(meeting.body.rawValue),
            references: [
                (slug(meeting.body.rawValue), body.map { $0.name.text(in: language) } ?? meeting.body.rawValue)
            ]
                + participants(meeting.attendance, in: state, language: language))
        xml.line("<preface>")
        xml.line("<p class=\"title\"><docTitle>\(Markup.escaped(meeting.title.text(in: language)))</docTitle></p>")
        if let place = meeting.place {
            xml.line(
                "<p class=\"place\"><location refersTo=\"#\(slug(meeting.body.rawValue))\">"
                    + "\(Markup.escaped(place.text(in: language)))</location></p>")
        }
        xml.line("</preface>")
        xml.line("<mainBody>")
        if decisions.isEmpty {
            xml.line(
                "<paragraph eId=\"para_none\"><content><p>\(Markup.escaped(Words.noDecisions(language)))</p></content></paragraph>"
            )
        }
        paragraphs(decisions, within: [], language: language, into: &xml)
        xml.line("</mainBody>")
        xml.close(type: "statement")
        return xml.text
    }

    /// `decisions` as paragraphs, each sub-paragraph ("3.b", "3.b.ii") nested in its paragraph as a
    /// `subparagraph` numbered as the language writes it ("b)", "(b)"). A paragraph with sub-paragraphs keeps its
    /// own text as their `intro`: Akoma Ntoso gives a level either content or children, never both.
    private static func paragraphs(
        _ decisions: [Decision], within path: [Substring], language: Language, into xml: inout AKNWriter
    ) {
        var order: [Substring] = []
        var groups: [Substring: [Decision]] = [:]
        for decision in decisions {
            let parts = decision.paragraph.split(separator: ".")
            guard parts.count > path.count else { continue }
            if groups[parts[path.count]] == nil { order.append(parts[path.count]) }
            groups[parts[path.count], default: []].append(decision)
        }
        for part in order {
            let level = path + [part]
            let group = groups[part] ?? []
            let own = group.first { $0.paragraph.split(separator: ".").count == level.count }
            let children = group.filter { $0.paragraph.split(separator: ".").count > level.count }
            let number = level.joined(separator: ".")
            let element = path.isEmpty ? "paragraph" : "subparagraph"
            let eId = "para_" + level[0] + level.dropFirst().map { "__subpara_" + $0 }.joined()
            xml.line("<\(element) eId=\"\(eId)\"\(own.map { " class=\"\($0.kind.rawValue)\"" } ?? "")>")
            let shown = path.isEmpty ? number : ConclusionsDocument.paragraphNumber(number, language).0
            xml.line("<num>\(Markup.escaped(shown))</num>")
            let wrapper = children.isEmpty ? "content" : "intro"
            if let own {
                xml.line("<\(wrapper)>")
                for paragraph in own.text.text(in: language).paragraphs {
                    xml.line("<p>\(Markup.escaped(paragraph))</p>")
                }
                xml.line("</\(wrapper)>")
            } else if children.isEmpty {
                xml.line("<content><p/></content>")
            }
            if !children.isEmpty { paragraphs(children, within: level, language: language, into: &xml) }
            xml.line("</\(element)>")
        }
    }

    /// A proposal as an amendment in `language`: each of its items an amendment content block, with the
    /// place in the plan it asks for as the justification's reference.
    public static func amendment(
        of proposal: Proposal, in state: ProcessState, language: Language, generatedOn: PartialDate
    ) -> String {
        var xml = AKNWriter(language: language)
        let submitter = slug(proposal.submitter.rawValue)
        let work = "/akn/int/amendment/\(date(proposal.submitted ?? generatedOn))/\(slug(proposal.id.rawValue))"
        xml.open(type: "amendment", name: "proposal")
        xml.meta(
            work: work, date: proposal.submitted ?? generatedOn, dateName: "submission", generatedOn: generatedOn,
            author: submitter,
            references: participants([proposal.submitter] + proposal.invited, in: state, language: language))
        xml.line("<preface>")
        xml.line("<p class=\"title\"><docTitle>\(Markup.escaped(proposal.title.text(in: language)))</docTitle></p>")
        xml.line(
            "<p class=\"submitter\"><docProponent refersTo=\"#\(submitter)\">"
                + "\(Markup.escaped(state.participants[proposal.submitter]?.name.text(in: language) ?? proposal.submitter.rawValue))"
                + "</docProponent></p>")
        xml.line("</preface>")
        xml.line("<amendmentBody>")
        for item in proposal.items {
            xml.line("<amendmentContent eId=\"item_\(item.number)\">")
            for paragraph in item.text.text(in: language).paragraphs {
                xml.line("<p>\(Markup.escaped("\(item.number). \(paragraph)"))</p>")
            }
            xml.line("</amendmentContent>")
            if let target = item.target {
                let place = [target.parent?.rawValue, target.workplan?.rawValue].compactMap { $0 }.joined(
                    separator: ", ")
                xml.line("<amendmentJustification eId=\"item_\(item.number)__placement\">")
                xml.line(
                    "<p>\(Markup.escaped(place))\(target.note.map { ": " + Markup.escaped($0.text(in: language)) } ?? "")</p>"
                )
                xml.line("</amendmentJustification>")
            }
        }
        if proposal.items.isEmpty { xml.line("<amendmentContent eId=\"item_none\"><p/></amendmentContent>") }
        xml.line("</amendmentBody>")
        xml.close(type: "amendment")
        return xml.text
    }

    /// Participants as TLC references: countries and organizations alike are organizations of the process.
    private static func participants(
        _ ids: [ParticipantID], in state: ProcessState, language: Language
    ) -> [(String, String)] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            let eId = slug(id.rawValue)
            guard seen.insert(eId).inserted else { return nil }
            return (eId, state.participants[id]?.name.text(in: language) ?? id.rawValue)
        }
    }

    /// A date as xs:date: a date known only to the month or year stands for its first day, and the FRBR
    /// date's name says how precise it is.
    static func date(_ date: PartialDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month ?? 1))-\(two(date.day ?? 1))"
    }

    /// An identifier as the naming convention writes it: lower case, letters, digits and dashes.
    public static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}

extension String {
    /// The text's paragraphs: lines separated by blank lines or line breaks, never an empty one.
    fileprivate var paragraphs: [String] {
        let parts = split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        return parts.isEmpty ? [""] : parts
    }
}
