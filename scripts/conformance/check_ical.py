"""Checks an iCalendar feed: parsed by PyPI's `icalendar`, every component carrying the properties RFC 5545
requires of it, and every content line at most 75 octets, ended by CRLF.

Usage: check_ical.py FILE.ics
"""

import sys

from icalendar import Calendar

REQUIRED = {
    "VCALENDAR": ["PRODID", "VERSION"],
    "VEVENT": ["UID", "DTSTAMP", "DTSTART"],
    "VTODO": ["UID", "DTSTAMP"],
}


def main(path):
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        sys.exit(f"FAIL: {path} does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        if len(line) > 75:
            sys.exit(f"FAIL: line {number} of {path} is {len(line)} octets long (at most 75)")
        if b"\n" in line or b"\r" in line:
            sys.exit(f"FAIL: line {number} of {path} holds a bare line break")
        line.decode("utf-8")
    calendar = Calendar.from_ical(raw)
    counts = {}
    for component in calendar.walk():
        name = component.name
        for prop in REQUIRED.get(name, []):
            if prop not in component:
                sys.exit(f"FAIL: a {name} in {path} lacks {prop}")
        counts[name] = counts.get(name, 0) + 1
    if name_count(counts, "VEVENT") == 0:
        sys.exit(f"FAIL: {path} holds no meeting")
    uids = [str(c["UID"]) for c in calendar.walk() if "UID" in c]
    if len(uids) != len(set(uids)):
        sys.exit(f"FAIL: {path} repeats a UID")
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    print(f"ok: {path} parses with icalendar ({summary}); required properties present; lines ≤ 75 octets")


def name_count(counts, name):
    return counts.get(name, 0)


if __name__ == "__main__":
    main(sys.argv[1])
