import Foundation

extension PlanDocument {
    /// The document as Markdown.
    public func markdown() -> String { outline.markdown }

    /// The document as one self-contained, print-ready HTML file.
    public func html() -> String { outline.html }

    /// The document as a Word file (WordprocessingML).
    public func docx() throws -> Data { try outline.docx() }
}
