import AccordCore
import Foundation
import Testing
import ZIPFoundation

/// What the public and observers must never read, taken from the record itself: the texts and codes of
/// proposed items and workplans, draft decisions with their positions and reservations, draft agendas and
/// proposals that do not invite the observer. A response body that holds one of them leaks the working side.
struct WorkingSide {
    /// Strings that only the working side may read, with what each one is.
    var markers: [(text: String, what: String)] = []

    /// The working side of `state` as `invited` (an observer's participant, or nil for the public) may not see it.
    init(_ state: ProcessState, invited: ParticipantID?) {
        for item in state.items.values where item.status == .proposed {
            markers.append((item.title.original, "proposed item \(item.number)"))
            markers.append(("\"\(item.number.rawValue)\"", "proposed item number \(item.number)"))
        }
        for workplan in state.workplans.values where workplan.status == .proposed {
            markers.append((workplan.title.original, "proposed workplan \(workplan.id)"))
        }
        for draft in state.drafts.values {
            markers.append((draft.text.original, "draft \(draft.id)"))
            for position in draft.positions {
                if let note = position.note { markers.append((note.original, "position note on \(draft.id)")) }
            }
        }
        for agenda in state.agendas.values where agenda.status != .approved {
            for entry in agenda.items { markers.append((entry.title.original, "draft agenda of \(agenda.meeting)")) }
        }
        for proposal in state.proposals.values where !(invited.map(proposal.invited.contains) ?? false) {
            markers.append((proposal.title.original, "proposal \(proposal.id)"))
        }
        markers.removeAll { $0.text.count < 4 }
    }

    /// The markers `body` holds (as text, or inside a DOCX's XML, which is stored uncompressed or deflated).
    func leaks(in body: [UInt8]) -> [String] {
        let text = String(decoding: body, as: UTF8.self)
        var found = markers.filter { text.contains($0.text) }.map { "\($0.what): \($0.text.prefix(40))" }
        if body.starts(with: Array("PK".utf8)), let xml = try? DocxText.documentXML(body) {
            found += markers.filter { xml.contains($0.text) }.map { "\($0.what) in a DOCX" }
        }
        return found
    }
}

/// The text of a DOCX's main part.
enum DocxText {
    static func documentXML(_ package: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(package), accessMode: .read)
        guard let entry = archive["word/document.xml"] else { return "" }
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
