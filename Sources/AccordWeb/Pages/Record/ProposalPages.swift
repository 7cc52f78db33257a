import AccordCore
import AccordDocuments
import AccordServices
import AccordStore

/// Proposals and their comment matrix: one row per proposal item, one column per participant that
/// commented, each cell the stance and the placement suggested.
enum ProposalPages {
    static func add(to pages: PageRoutes) {
        let attachmentLimit = pages.attachmentLimit
        let record = pages.record
        pages.page("proposals") { viewer, _, _ in
            try viewer.policy.require(
                viewer.policy.seesWorkingState || viewer.policy.role == .observer, "see proposals")
            let state = try await record.state(for: viewer.principal)
            var main = HTML()
            main.element("h1", text: viewer.t(.proposals))
            let proposals = state.proposals.values.sorted { $0.id < $1.id }
            if proposals.isEmpty { main.element("p", text: Words.noItems(viewer.language)) }
            main.element("ul") { html in
                for proposal in proposals {
                    html.element("li") { html in
                        html.link(viewer.link("/proposals/\(proposal.id.rawValue)"), proposal.id.rawValue)
                        html.text(" — \(viewer.name(proposal.submitter, in: state)): ")
                        viewer.write(proposal.title, into: &html)
                        html.element("span", [("class", "muted")], text: " (\(proposal.items.count))")
                    }
                }
            }
            ProposalForms.submitForm(state: state, viewer: viewer, &main)
            return PageContent(title: viewer.t(.proposals), main: main, section: .proposals)
        }
        pages.page("proposals/{code}") { viewer, _, context in
            let state = try await record.state(for: viewer.principal)
            let code = ProposalID(context.parameters.get("code") ?? "")
            guard let proposal = state.proposals[code],
                let matrix = CommentMatrix(of: code, in: state)
            else { throw Problem.notFound("proposal", code.rawValue, field: "code") }
            return render(
                proposal, matrix: matrix, state: state, attachmentLimit: attachmentLimit, viewer: viewer)
        }
    }

    static func render(
        _ proposal: Proposal, matrix: CommentMatrix, state: ProcessState, attachmentLimit: Int, viewer: Viewer
    ) -> PageContent {
        var main = HTML()
        main.element("h1") { html in
            html.text("\(proposal.id.rawValue): ")
            viewer.write(proposal.title, into: &html)
        }
        main.element("p") { html in
            html.text("\(viewer.t(.submittedBy)) \(viewer.name(proposal.submitter, in: state))")
            if let date = proposal.submitted { html.text(" · \(date.description)") }
            html.text(" · \(UIText.proposalStatus(proposal.status, viewer.language))")
        }
        main.element("p", [("class", "downloads")]) { html in
            html.link(
                Link("/api/v1/exports/amendment/\(proposal.id.rawValue)", query: [("lang", viewer.language.rawValue)]),
                "Akoma Ntoso")
        }
        main.element("h2", text: viewer.t(.commentMatrix))
        main.element("table", [("class", "matrix")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [("scope", "col")], text: "#")
                    html.element("th", [("scope", "col")], text: viewer.t(.proposal))
                    for participant in matrix.participants {
                        html.element("th", [("scope", "col")], text: viewer.name(participant, in: state))
                    }
                }
            }
            html.element("tbody") { html in
                for row in matrix.rows {
                    html.element("tr") { html in
                        html.element("th", [("scope", "row")], text: "\(row.item)")
                        html.element("td") { viewer.write(row.text, into: &$0) }
                        for cell in row.cells {
                            html.element("td") { html in
                                guard let stance = cell.stance else { return html.text("—") }
                                html.element("strong", text: UIText.stance(stance, viewer.language))
                                if let placement = cell.placement {
                                    let target = [placement.parent?.rawValue, placement.workplan?.rawValue].compactMap {
                                        $0
                                    }
                                    if !target.isEmpty { html.text(" → " + target.joined(separator: ", ")) }
                                    if let note = placement.note {
                                        html.element("div", [("class", "muted")]) { viewer.write(note, into: &$0) }
                                    }
                                }
                                if let comment = cell.comment.flatMap({ state.comments[$0] }) {
                                    html.element("div") { viewer.write(comment.text, into: &$0) }
                                }
                            }
                        }
                    }
                }
            }
        }
        ProposalForms.commentForm(proposal, state: state, viewer: viewer, &main)
        // The proposal's documents and its comments' (each country's written comments), in one list.
        let comments = state.comments.values.filter { $0.proposal == proposal.id }.map(\.id).sorted()
        AttachmentPages.section(
            [AttachmentTarget(kind: .proposal, id: proposal.id.rawValue)]
                + comments.map { AttachmentTarget(kind: .comment, id: $0.rawValue) }, state: state,
            limit: attachmentLimit, viewer: viewer, &main)
        return PageContent(title: proposal.id.rawValue, main: main, section: .proposals)
    }
}
