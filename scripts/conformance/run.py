"""Runs Accord's exports on the demo and checks each with its real validator.

scripts/check builds accord, loads the demo into a fresh SQLite file and runs this with the validators'
virtual environment; the paths come from the environment it sets. Each check prints what it checked; the
first failure stops the run with a non-zero status.
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCORD = os.environ["ACCORD_CHECK_ACCORD"]
DATABASE = os.environ["ACCORD_CHECK_DATABASE"]
WORK = Path(os.environ["ACCORD_CHECK_WORK"])

CURRENT = {"approved", "ongoing", "pending-completion"}
ARCHIVED = {"completed", "withdrawn", "superseded"}


def accord(*arguments, expect=0):
    """Runs accord against the demo database and returns its output; fails on an unexpected exit status."""
    command = [ACCORD, *arguments, "--database-url", DATABASE]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(
            f"FAIL: accord {' '.join(arguments)} exited {result.returncode} (expected {expect})\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout + result.stderr


def check(script, *arguments):
    """Runs one of the validator scripts with this interpreter."""
    result = subprocess.run([sys.executable, str(HERE / script), *map(str, arguments)])
    if result.returncode != 0:
        sys.exit(f"FAIL: {script} {' '.join(map(str, arguments))}")


def ledger_head():
    """The ledger's last sequence, as `accord verify` reports it."""
    output = accord("verify", "--chain-only")
    return output


def main():
    # The plan as a document in every language and side by side, and the items it must hold.
    csv_file = WORK / "plan.csv"
    accord("export", "plan", "--format", "csv", "-o", str(csv_file))
    with open(csv_file, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = {}
    for row in rows:
        if row.get("record", "item") != "item":
            continue
        shown = row["status"] in CURRENT or (row["status"] in ARCHIVED and not row.get("workplan"))
        if shown:
            expected.setdefault("en", []).append({"number": row["number"], "title": row["title_en"] or row[f"title_{row['authoritative']}"]})
            expected.setdefault("es", []).append({"number": row["number"], "title": row["title_es"] or row[f"title_{row['authoritative']}"]})
    if not expected:
        sys.exit("FAIL: the CSV export holds no current or archived item")
    for lang in ["en", "es", "fr", "es,en"]:
        docx = WORK / f"plan-{lang.replace(',', '-')}.docx"
        accord("export", "plan", "--format", "docx", "--lang", lang, "-o", str(docx))
        items_file = WORK / f"items-{lang}.json"
        items = expected["es" if lang.startswith("es") else "en"] if lang != "fr" else [
            {"number": item["number"], "title": ""} for item in expected["en"]
        ]
        items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        check("check_docx.py", docx, items_file)
    for fmt, suffix in [("html", "html"), ("md", "md")]:
        out = WORK / f"plan.{suffix}"
        accord("export", "plan", "--format", fmt, "--lang", "en", "-o", str(out))
        text = out.read_text(encoding="utf-8")
        missing = [item["number"] for item in expected["en"] if item["number"] not in text]
        if missing:
            sys.exit(f"FAIL: plan.{suffix} lacks {missing[:5]}")
        print(f"ok: plan.{suffix} holds all {len(expected['en'])} current and archived items")

    # Decisions and proposals in Akoma Ntoso, against the OASIS schema; Popolo against popolo-spec.
    akn = WORK / "akn"
    accord("export", "decisions", "--format", "akn", "-o", str(akn))
    check("check_akn.py", akn)
    popolo = WORK / "popolo"
    accord("export", "decisions", "--format", "popolo", "-o", str(popolo))
    check("check_popolo.py", popolo, HERE / "popolo")

    # The calendar in each language, parsed by icalendar.
    for lang in ["en", "es", "fr"]:
        ics = WORK / f"calendar-{lang}.ics"
        accord("export", "calendar", "--lang", lang, "-o", str(ics))
        check("check_ical.py", ics)

    # The Atom feed in each language, against RFC 4287's grammar (check_atom.py); as the public reads it and as
    # the Secretariat does (the working side: submitted reports too).
    feeds = []
    for lang in ["en", "es", "fr"]:
        feed = WORK / f"feed-{lang}.atom"
        accord("export", "feed", "--lang", lang, "-o", str(feed))
        feeds.append(feed)
    check("check_atom.py", *feeds)

    # Reports as documents: Canada's (seed 000) in French, and the cycle's compilation, opened by python-docx and
    # by LibreOffice where it is installed.
    report = WORK / "report-can-fr.docx"
    accord("export", "report", "SANTIAGO-1998-REPORTS", "SANTIAGO-1998-MW-IACHR", "CAN", "--lang", "fr", "-o", str(report))
    compilation = WORK / "compilation-en.docx"
    accord("export", "compilation", "SANTIAGO-1998-REPORTS", "--lang", "en", "-o", str(compilation))
    check("check_report_docx.py", report, compilation)

    # CSV round trip: importing the export changes nothing, and the ledger is untouched.
    before = ledger_head()
    output = accord("import", str(csv_file), "--authority", "editorial: conformance round trip")
    after = ledger_head()
    if before != after:
        sys.exit(f"FAIL: importing the plan's own export changed the ledger:\n{before}\n{after}\n{output}")
    print("ok: CSV export → import leaves the ledger unchanged")

    # A bad CSV is refused whole, every problem listed by row and column.
    bad = WORK / "bad.csv"
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([lines[0].replace("number", "numero", 1)] + lines[1:]) + "\n", encoding="utf-8")
    output = accord("import", str(bad), "--authority", "editorial: conformance", expect=1)
    if "number" not in output:
        sys.exit(f"FAIL: a wrong header was not reported by column:\n{output}")
    if ledger_head() != before:
        sys.exit("FAIL: a refused import changed the ledger")
    print("ok: a CSV with a wrong header is refused, naming the column, and nothing is applied")

    # PDF where LibreOffice is installed; otherwise the message must say how to install it.
    pdf = WORK / "plan.pdf"
    has_office = any(
        (Path(folder) / name).exists() for folder in os.environ.get("PATH", "").split(":") for name in ["soffice", "libreoffice"]
    )
    if has_office:
        accord("export", "plan", "--format", "pdf", "--lang", "en", "-o", str(pdf))
        if not pdf.read_bytes().startswith(b"%PDF"):
            sys.exit("FAIL: plan.pdf is not a PDF")
        print("ok: plan.pdf converted by LibreOffice")
    else:
        output = accord("export", "plan", "--format", "pdf", "--lang", "en", "-o", str(pdf), expect=1)
        if "apt-get install" not in output:
            sys.exit(f"FAIL: without LibreOffice the PDF export should say how to install it:\n{output}")
        print("ok: without LibreOffice, the PDF export says how to install it")
    print("conformance: all checks passed")


if __name__ == "__main__":
    main()
