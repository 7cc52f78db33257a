import AccordCore

/// The parts every Akoma Ntoso document Accord writes shares: the root, and the FRBR identification of
/// the work, the expression in one language and this XML manifestation.
struct AKNWriter {
    let language: Language
    private(set) var text = ""

    init(language: Language) { self.language = language }

    mutating func line(_ markup: String) { text += markup + "\n" }

    mutating func open(type: String, name: String) {
        line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        line("<akomaNtoso xmlns=\"\(AkomaNtoso.namespace)\">")
        line("<\(type) name=\"\(name)\">")
    }

    mutating func close(type: String) {
        line("</\(type)>")
        line("</akomaNtoso>")
    }

    /// `<meta>`: identification (work, expression, manifestation) and the references its `href`s point to.
    mutating func meta(
        work: String, date: PartialDate, dateName: String, generatedOn: PartialDate, author: String,
        references: [(eId: String, name: String)]
    ) {
        let code = AkomaNtoso.code(language)
        let precision = date.day != nil ? dateName : "\(dateName)-\(date.month != nil ? "month" : "year")-only"
        let expression = "\(work)/\(code)@"
        line("<meta>")
        line("<identification source=\"#accord\">")
        line("<FRBRWork>")
        line("<FRBRthis value=\"\(work)/!main\"/>")
        line("<FRBRuri value=\"\(work)\"/>")
        line("<FRBRdate date=\"\(AkomaNtoso.date(date))\" name=\"\(precision)\"/>")
        line("<FRBRauthor href=\"#\(author)\"/>")
        line("<FRBRcountry value=\"int\"/>")
        line("</FRBRWork>")
        line("<FRBRExpression>")
        line("<FRBRthis value=\"\(expression)/!main\"/>")
        line("<FRBRuri value=\"\(expression)\"/>")
        line("<FRBRdate date=\"\(AkomaNtoso.date(date))\" name=\"\(precision)\"/>")
        line("<FRBRauthor href=\"#\(author)\"/>")
        line("<FRBRlanguage language=\"\(code)\"/>")
        line("</FRBRExpression>")
        line("<FRBRManifestation>")
        line("<FRBRthis value=\"\(expression)/!main.xml\"/>")
        line("<FRBRuri value=\"\(expression).akn\"/>")
        line("<FRBRdate date=\"\(AkomaNtoso.date(generatedOn))\" name=\"generation\"/>")
        line("<FRBRauthor href=\"#accord\"/>")
        line("</FRBRManifestation>")
        line("</identification>")
        line("<references source=\"#accord\">")
        line("<TLCOrganization eId=\"accord\" href=\"/ontology/organization/accord\" showAs=\"Accord\"/>")
        for (eId, name) in references where eId != "accord" {
            line(
                "<TLCOrganization eId=\"\(eId)\" href=\"/ontology/organization/\(eId)\" showAs=\"\(Markup.escaped(name))\"/>"
            )
        }
        line("</references>")
        line("</meta>")
    }
}
