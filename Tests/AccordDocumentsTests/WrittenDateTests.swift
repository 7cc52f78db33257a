import AccordCore
import AccordDocuments
import Testing

@Suite("Dates as each language writes them")
struct WrittenDateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var start: String
        var end: String?
        var es: String
        var en: String
        var fr: String
        var testDescription: String { end.map { "\(start)/\($0)" } ?? start }
    }

    static let cases: [Case] = [
        Case(start: "1999-01-28", es: "28 de enero de 1999", en: "28 January 1999", fr: "28 janvier 1999"),
        Case(start: "2015-11", es: "noviembre de 2015", en: "November 2015", fr: "novembre 2015"),
        Case(start: "2004", es: "2004", en: "2004", fr: "2004"),
        Case(start: "2019-08-01", es: "1 de agosto de 2019", en: "1 August 2019", fr: "1er août 2019"),
        // Two days within a month, and a longer span.
        Case(
            start: "1999-01-28", end: "1999-01-29", es: "28 y 29 de enero de 1999", en: "28–29 January 1999",
            fr: "28 et 29 janvier 1999"),
        Case(
            start: "2023-06-06", end: "2023-06-08", es: "del 6 al 8 de junio de 2023", en: "6–8 June 2023",
            fr: "du 6 au 8 juin 2023"),
        // Across months, the year written once; across years, both written.
        Case(
            start: "2012-11-29", end: "2012-12-01", es: "del 29 de noviembre al 1 de diciembre de 2012",
            en: "29 November – 1 December 2012", fr: "du 29 novembre au 1er décembre 2012"),
        Case(
            start: "2015-12-31", end: "2016-01-02", es: "del 31 de diciembre de 2015 al 2 de enero de 2016",
            en: "31 December 2015 – 2 January 2016", fr: "du 31 décembre 2015 au 2 janvier 2016"),
        // Months and years.
        Case(
            start: "2019-01", end: "2019-03", es: "de enero a marzo de 2019", en: "January – March 2019",
            fr: "de janvier à mars 2019"),
        Case(
            start: "2015-11", end: "2016-02", es: "de noviembre de 2015 a febrero de 2016",
            en: "November 2015 – February 2016", fr: "de novembre 2015 à février 2016"),
        Case(start: "2019", end: "2025", es: "2019–2025", en: "2019–2025", fr: "2019–2025"),
        // The same day twice is one day; dates of different precision are each written whole.
        Case(
            start: "1999-01-28", end: "1999-01-28", es: "28 de enero de 1999", en: "28 January 1999",
            fr: "28 janvier 1999"),
        Case(
            start: "2019-03", end: "2019-03-05", es: "marzo de 2019 – 5 de marzo de 2019",
            en: "March 2019 – 5 March 2019",
            fr: "mars 2019 – 5 mars 2019"),
    ]

    @Test(arguments: cases)
    func written(_ example: Case) throws {
        let start = try #require(PartialDate(example.start))
        let end = try example.end.map { try #require(PartialDate($0)) }
        #expect(start.written(through: end, in: .es) == example.es)
        #expect(start.written(through: end, in: .en) == example.en)
        #expect(start.written(through: end, in: .fr) == example.fr)
    }
}
