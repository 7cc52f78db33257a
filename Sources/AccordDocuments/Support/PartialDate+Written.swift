import AccordCore

/// Dates as each language writes them in an official text: "28 de enero de 1999", "28 January 1999",
/// "28 janvier 1999"; a month ("noviembre de 2015") or a year ("2004") where only that much is known.
///
/// Written out by hand rather than through `DateFormatter`: the documents are pure functions of the record,
/// and their words must not change with the machine's ICU version or locale data (a snapshot would drift,
/// and two servers would print the same edition differently).
extension PartialDate {
    /// The date as `language` writes it in running text.
    public func written(in language: Language) -> String {
        guard let month else { return "\(year)" }
        let name = Self.monthName(month, language)
        guard let day else {
            return language.pick(("\(name) de \(year)", "\(Self.capitalized(name)) \(year)", "\(name) \(year)"))
        }
        return Self.withYear(Self.dayAndMonth(day, name, language), year, language)
    }

    /// The dates from this one through `end` as `language` writes a period: "28 y 29 de enero de 1999",
    /// "28–29 January 1999", "du 30 janvier au 2 février 1999". What both dates share is written once.
    public func written(through end: PartialDate?, in language: Language) -> String {
        guard let end, end != self else { return written(in: language) }
        // Only dates known to the same precision share their month and year; otherwise each is written whole.
        guard (month == nil) == (end.month == nil), (day == nil) == (end.day == nil) else {
            return "\(written(in: language)) – \(end.written(in: language))"
        }
        guard let month, let endMonth = end.month else {
            return "\(year)–\(end.year)"  // years only: "2019–2025" in every language
        }
        guard let day, let endDay = end.day else {
            return months(from: month, to: endMonth, through: end, language)
        }
        let name = Self.monthName(month, language)
        let endName = Self.monthName(endMonth, language)
        if year == end.year, month == endMonth {
            // Within a month: two days are joined by "and" in Spanish and French, a longer span is "from … to".
            let consecutive = endDay == day + 1
            return language.pick(
                (
                    consecutive
                        ? "\(day) y \(endDay) de \(name) de \(year)" : "del \(day) al \(endDay) de \(name) de \(year)",
                    "\(day)–\(endDay) \(Self.capitalized(name)) \(year)",
                    consecutive
                        ? "\(Self.day(day, .fr)) et \(endDay) \(name) \(year)"
                        : "du \(Self.day(day, .fr)) au \(endDay) \(name) \(year)"
                ))
        }
        let first = Self.dayAndMonth(day, name, language)
        let last = Self.withYear(Self.dayAndMonth(endDay, endName, language), end.year, language)
        // Across months the year is written once; across years both are written.
        let start = year == end.year ? first : Self.withYear(first, year, language)
        return language.pick(("del \(start) al \(last)", "\(start) – \(last)", "du \(start) au \(last)"))
    }

    private func months(from month: Int, to endMonth: Int, through end: PartialDate, _ language: Language) -> String {
        let name = Self.monthName(month, language)
        let endName = Self.monthName(endMonth, language)
        let start =
            year == end.year ? name : language.pick(("\(name) de \(year)", "\(name) \(year)", "\(name) \(year)"))
        return language.pick(
            (
                "de \(start) a \(endName) de \(end.year)",
                "\(Self.capitalized(start)) – \(Self.capitalized(endName)) \(end.year)",
                "de \(start) à \(endName) \(end.year)"
            ))
    }

    /// "28 de enero", "28 January", "28 janvier".
    private static func dayAndMonth(_ day: Int, _ name: String, _ language: Language) -> String {
        "\(Self.day(day, language)) " + language.pick(("de \(name)", capitalized(name), name))
    }

    /// "… de 1999" in Spanish, "… 1999" elsewhere.
    private static func withYear(_ text: String, _ year: Int, _ language: Language) -> String {
        language == .es ? "\(text) de \(year)" : "\(text) \(year)"
    }

    /// The day's number; French writes the first of the month "1er".
    private static func day(_ day: Int, _ language: Language) -> String {
        language == .fr && day == 1 ? "1er" : "\(day)"
    }

    private static func capitalized(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    /// The month's name in lower case, as Spanish and French write it.
    private static func monthName(_ month: Int, _ language: Language) -> String {
        let names: [(String, String, String)] = [
            ("enero", "january", "janvier"), ("febrero", "february", "février"), ("marzo", "march", "mars"),
            ("abril", "april", "avril"), ("mayo", "may", "mai"), ("junio", "june", "juin"),
            ("julio", "july", "juillet"), ("agosto", "august", "août"), ("septiembre", "september", "septembre"),
            ("octubre", "october", "octobre"), ("noviembre", "november", "novembre"),
            ("diciembre", "december", "décembre"),
        ]
        return language.pick(names[month - 1])
    }
}
