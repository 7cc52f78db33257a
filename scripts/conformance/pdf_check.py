"""The official documents as a delegation receives them: each exported to PDF through LibreOffice and looked at.

issue 19.3: the Plan of Action in each language and side by side, a meeting's conclusions and its agenda are
written as DOCX by Accord, turned into PDF by LibreOffice headless (the plan by `accord export --format pdf`,
the others by `soffice --convert-to pdf`, as a Secretariat would), and then:

- every page carries the running header with "page N of M" in the document's language;
- the table of contents gives each heading a page number, and the heading is on that page;
- the cover never shows a ledger position, the conclusions no internal label ("Tipo: conclusión");
- every page is drawn as a PNG (pdftoppm) into the CI artifacts (.build/conformance-artifacts/pdf/) to look at;
- the text of each PDF (pdftotext) is compared with its snapshot in scripts/conformance/snapshots/, with what
  differs between runs (ledger hashes and positions, the generation date) replaced first.
  ACCORD_RECORD_SNAPSHOTS=1 records the new text instead.

scripts/check runs this with the paths of the demo it loaded; it needs LibreOffice and poppler-utils, which
scripts/check installs where they are missing.
"""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCORD = os.environ["ACCORD_CHECK_ACCORD"]
DATABASE = os.environ["ACCORD_CHECK_DATABASE"]
WORK = Path(os.environ["ACCORD_CHECK_WORK"]) / "pdf"
ARTIFACTS = Path(os.environ.get("ACCORD_CHECK_ARTIFACTS", ".build/conformance-artifacts")) / "pdf"
SNAPSHOTS = HERE / "snapshots"
RECORD = os.environ.get("ACCORD_RECORD_SNAPSHOTS") == "1"

# "Página 2 de 6", "Page 2 of 6", "Page 2 sur 6": the running header's page count in each language.
PAGE_OF = {
    "es": re.compile(r"Página (\d+) de (\d+)"),
    "en": re.compile(r"Page (\d+) of (\d+)"),
    "fr": re.compile(r"Page (\d+) sur (\d+)"),
}
CONTENTS = {"es": "Índice", "en": "Contents", "fr": "Table des matières"}
# A contents entry: its text, a dotted leader, its page number at the end of the line.
ENTRY = re.compile(r"^\s*(?P<text>\S.*?)\s*\.{4,}\s*(?P<page>\d+)\s*$")


def run(*command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, command))} exited {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def pages(pdf):
    """The text of each page, laid out as on the page."""
    count = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.M).group(1))
    return [run("pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-") for n in range(1, count + 1)]


def normalized(text):
    """The PDF's words without what differs between two loads of the demo, rewrapped at 110 columns.

    Where a line breaks depends on the width of a hash's digits in a proportional font, so the words are
    compared, not the lines: whitespace is collapsed and the text wrapped again the same way every run."""
    text = re.sub(r"\b[0-9a-f]{64}\b", "<sha256>", text)
    text = re.sub(r"SHA-?\s*256", "SHA-256", text)
    text = re.sub(r"(entrada|entry|entrée) \d+", r"\1 <n>", text)
    text = re.sub(r"(Generado el|Generated on|Généré le) [^\n/]*", r"\1 <date>", text)
    pages = [" ".join(page.split()) for page in text.split("\f")]
    return "\n\n".join(textwrap.fill(page, 110) for page in pages if page) + "\n"


def look_at(name, pdf, language, has_contents):
    texts = pages(pdf)
    page_of = PAGE_OF[language]
    for number, text in enumerate(texts, start=1):
        found = page_of.search(text)
        if not found or (int(found.group(1)), int(found.group(2))) != (number, len(texts)):
            sys.exit(f"FAIL: {name}: page {number} of {len(texts)} does not say so in its header:\n{text[:400]}")
    if re.search(r"posici[oó]n del registro|ledger position|position du registre", texts[0], re.I):
        sys.exit(f"FAIL: {name}: the cover shows a ledger position:\n{texts[0]}")
    if re.search(r"\b(Tipo|Type) ?: ?(conclusi|conclusion|decision|decisi)", "".join(texts)):
        sys.exit(f"FAIL: {name}: an internal label is printed")
    if has_contents:
        contents = next((n for n, text in enumerate(texts) if CONTENTS[language] in text), None)
        if contents is None:
            sys.exit(f"FAIL: {name}: no table of contents")
        entries = [ENTRY.match(line) for line in texts[contents].splitlines()]
        entries = [entry for entry in entries if entry]
        if not entries:
            sys.exit(f"FAIL: {name}: the table of contents has no page numbers:\n{texts[contents]}")
        for entry in entries:
            page = int(entry.group("page"))
            # The entry's last words (a wrapped entry's first line is not on this line) are on that page.
            words = " ".join(entry.group("text").split()[-3:])
            if not 1 <= page <= len(texts) or words not in " ".join(texts[page - 1].split()):
                sys.exit(f"FAIL: {name}: the contents put '{entry.group('text')}' on page {page}, where it is not")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    run("pdftoppm", "-r", "60", "-png", pdf, str(ARTIFACTS / name))
    text = normalized(run("pdftotext", pdf, "-"))
    snapshot = SNAPSHOTS / f"{name}.txt"
    if RECORD or not snapshot.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
        print(f"recorded {snapshot.relative_to(HERE.parent.parent)}")
    elif snapshot.read_text(encoding="utf-8") != text:
        (ARTIFACTS / f"{name}.txt").write_text(text, encoding="utf-8")
        sys.exit(
            f"FAIL: {name}.pdf's text differs from {snapshot.name} (the new text is in {ARTIFACTS}/{name}.txt; "
            "ACCORD_RECORD_SNAPSHOTS=1 records it)"
        )
    print(f"ok: {name}.pdf — {len(texts)} pages, each with its header and page count; PNG in {ARTIFACTS}")


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    for languages in ["es", "en", "fr", "es,en"]:
        name = "plan-" + languages.replace(",", "-")
        pdf = WORK / f"{name}.pdf"
        run(ACCORD, "export", "plan", "--format", "pdf", "--lang", languages, "-o", str(pdf), "--database-url", DATABASE)
        look_at(name, pdf, languages.split(",")[0], has_contents=True)
    # The V RCM: its conclusions (sub-paragraphs, attendance) and its agenda, converted as a Secretariat would.
    for kind, language in [("conclusions", "es"), ("agenda", "fr")]:
        name = f"{kind}-rcm-v-{language}"
        docx = WORK / f"{name}.docx"
        run(ACCORD, "export", kind, "RCM-V", "--lang", language, "-o", str(docx), "--database-url", DATABASE)
        run("soffice", "--headless", "--convert-to", "pdf", "--outdir", str(WORK), str(docx))
        look_at(name, WORK / f"{name}.pdf", language, has_contents=False)
    print("pdf: all documents checked")


if __name__ == "__main__":
    main()
