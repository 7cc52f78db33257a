import AccordCore

/// The process's calendar as iCalendar (RFC 5545): its meetings and events (workshops, seminars…) as events,
/// its activities' target dates and its reporting cycles' due dates as to-dos, in one language, for
/// delegations to subscribe to.
///
/// A meeting or an event is an all-day event only when its first day is known; those the sources date only to
/// the month or the year are left out rather than pinned to an invented day. A target date known to the month
/// or year is due on the last day of that month or year: "by June 2025" means by 30 June.
public enum CalendarFeed {
    /// The feed in `language`; `generatedAt` stamps every component (DTSTAMP).
    public static func feed(of state: ProcessState, language: Language, generatedAt: Timestamp) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Accord//Plan of Action//\(language.rawValue.uppercased())",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ]
        if let process = state.process {
            lines.append("X-WR-CALNAME:" + escaped(process.name.text(in: language)))
        }
        let stamp = "DTSTAMP:" + utc(generatedAt)
        let meetings = state.meetings.values.sorted {
            ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
        }
        for meeting in meetings {
            guard let start = meeting.start, start.day != nil else { continue }
            let end = meeting.end.flatMap { $0.day != nil ? $0 : nil } ?? start
            lines += ["BEGIN:VEVENT", "UID:meeting-\(uid(meeting.id.rawValue))@accord", stamp]
            lines.append("DTSTART;VALUE=DATE:" + compact(start))
            // DTEND of an all-day event is exclusive: the day after the meeting's last day.
            lines.append("DTEND;VALUE=DATE:" + compact(CalendarDay.after(end)))
            lines.append("SUMMARY:" + escaped(meeting.title.text(in: language)))
            if let place = meeting.place { lines.append("LOCATION:" + escaped(place.text(in: language))) }
            if let body = state.bodies[meeting.body] {
                lines.append("DESCRIPTION:" + escaped(body.name.text(in: language)))
            }
            lines.append("END:VEVENT")
        }
        lines += events(of: state, language: language, stamp: stamp)
        let items = state.items.values.filter { $0.timeline?.target != nil && $0.status != .proposed }
            .sorted(by: Plan.inReadingOrder)
        for item in items {
            guard let target = item.timeline?.target else { continue }
            lines += ["BEGIN:VTODO", "UID:item-\(uid(item.number.rawValue))@accord", stamp]
            lines.append("DUE;VALUE=DATE:" + compact(CalendarDay.last(of: target)))
            lines.append("SUMMARY:" + escaped("\(item.number.rawValue) \(item.title.text(in: language))"))
            if let wording = item.timeline?.text {
                lines.append("DESCRIPTION:" + escaped(wording.text(in: language)))
            }
            lines.append("STATUS:" + status(item.status))
            lines.append("END:VTODO")
        }
        lines += dueReports(of: state, language: language, stamp: stamp)
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined()
    }

    /// The events whose first day is known, as all-day VEVENTs with their place and organizers.
    static func events(of state: ProcessState, language: Language, stamp: String) -> [String] {
        var lines: [String] = []
        let events = state.events.values.sorted {
            ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id)
        }
        for event in events {
            guard let start = event.start, start.day != nil else { continue }
            let end = event.end.flatMap { $0.day != nil ? $0 : nil } ?? start
            lines += ["BEGIN:VEVENT", "UID:event-\(uid(event.id.rawValue))@accord", stamp]
            lines.append("DTSTART;VALUE=DATE:" + compact(start))
            lines.append("DTEND;VALUE=DATE:" + compact(CalendarDay.after(end)))
            lines.append("SUMMARY:" + escaped(event.title.text(in: language)))
            if let place = event.place { lines.append("LOCATION:" + escaped(place.text(in: language))) }
            let organizers = event.organizers.compactMap { organizer in
                organizer.name?.text(in: language)
                    ?? organizer.participant.flatMap { state.participants[$0]?.name.text(in: language) }
            }
            if !organizers.isEmpty { lines.append("DESCRIPTION:" + escaped(organizers.joined(separator: "; "))) }
            lines.append("CATEGORIES:" + event.kind.rawValue.uppercased())
            lines.append("END:VEVENT")
        }
        return lines
    }

    /// Each reporting cycle with a due date, as a VTODO due that day: what delegations must file, on which
    /// mandates. Completed once every member state has submitted a report on every mandate.
    static func dueReports(of state: ProcessState, language: Language, stamp: String) -> [String] {
        var lines: [String] = []
        for cycle in state.cycles.values.sorted(by: { $0.id < $1.id }) {
            guard let due = cycle.due, let matrix = ReportMatrix(of: cycle.id, in: state) else { continue }
            lines += ["BEGIN:VTODO", "UID:reports-\(uid(cycle.id.rawValue))@accord", stamp]
            lines.append("DUE;VALUE=DATE:" + compact(CalendarDay.last(of: due)))
            lines.append("SUMMARY:" + escaped(cycle.title.text(in: language)))
            if !matrix.mandates.isEmpty {
                lines.append("DESCRIPTION:" + escaped(matrix.mandates.map(\.rawValue).joined(separator: ", ")))
            }
            let done = matrix.cells.allSatisfy { $0.state == .submitted || $0.state == .late }
            lines.append("STATUS:" + (done ? "COMPLETED" : "NEEDS-ACTION"))
            lines.append("END:VTODO")
        }
        return lines
    }

    /// RFC 5545 STATUS for a to-do.
    static func status(_ status: Status) -> String {
        switch status {
        case .completed: "COMPLETED"
        case .withdrawn, .superseded: "CANCELLED"
        case .ongoing, .pendingCompletion: "IN-PROCESS"
        case .proposed, .approved: "NEEDS-ACTION"
        }
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// A content line folded to at most 75 octets per physical line (continuations start with a space),
    /// never inside a UTF-8 sequence, ended by CRLF.
    static func folded(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var out: [UInt8] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Step back to a character boundary: continuation bytes look like 10xxxxxx.
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { out.append(0x20) }
            out += bytes[start..<end]
            out += [0x0D, 0x0A]
            start = end
            limit = 74
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func utc(_ time: Timestamp) -> String {
        // "2026-11-23T20:31:05.123Z" → "20261123T203105Z"
        let text = time.description
        return String(text.prefix(19).filter { $0 != "-" && $0 != ":" }) + "Z"
    }

    private static func compact(_ date: PartialDate) -> String {
        AkomaNtoso.date(date).filter { $0 != "-" }
    }

    private static func uid(_ code: String) -> String {
        String(code.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "_" })
    }
}

/// Day arithmetic on partial dates, enough for calendars.
enum CalendarDay {
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The last day a partial date covers.
    static func last(of date: PartialDate) -> PartialDate {
        let month = date.month ?? 12
        let day = date.day ?? days(inMonth: month, of: date.year)
        return PartialDate(year: date.year, month: month, day: day) ?? date
    }

    /// The day after a (day-precise) date.
    static func after(_ date: PartialDate) -> PartialDate {
        let day = last(of: date)
        let (year, month, dayOfMonth) = (day.year, day.month ?? 12, day.day ?? 31)
        if dayOfMonth < days(inMonth: month, of: year) {
            return PartialDate(year: year, month: month, day: dayOfMonth + 1) ?? date
        }
        if month < 12 { return PartialDate(year: year, month: month + 1, day: 1) ?? date }
        return PartialDate(year: year + 1, month: 1, day: 1) ?? date
    }
}
