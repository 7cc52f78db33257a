"""Opens a national report's DOCX and a cycle's compilation with PyPI's `python-docx`, checks what each must
hold, and converts the compilation with LibreOffice headless where it is installed (the compilation must open in
LibreOffice, issue 20.4).

Usage: check_report_docx.py REPORT.docx COMPILATION.docx
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx


def text(path):
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs), document


def main(report, compilation):
    body, document = text(report)
    order = ["Rapport national : Canada", "Soutenir les activités de la Commission interaméricaine",
             "Ce que le pays a fait", "Mesures prises", "Événements cités", "Atelier sur les pratiques exemplaires"]
    position = 0
    for piece in order:
        found = body.find(piece, position)
        if found < 0:
            sys.exit(f"FAIL: {report} lacks '{piece}' (or has it out of order)")
        position = found
    print(f"ok: {Path(report).name}: the mandate's text, then what Canada did, then the events it cites")

    body, document = text(compilation)
    headings = [p.text for p in document.paragraphs if p.style.name.lower() == "heading 2"]
    if not any("National report: Canada" in heading for heading in headings):
        sys.exit(f"FAIL: {compilation} has no heading for Canada's report (headings: {headings[:5]})")
    print(f"ok: {Path(compilation).name}: {len(headings)} report(s) under their mandates")

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("skipped: LibreOffice is not installed; the compilation was not converted")
        return
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", folder, str(compilation)], capture_output=True, text=True, timeout=300)
        pdf = Path(folder) / (Path(compilation).stem + ".pdf")
        if result.returncode != 0 or not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
            sys.exit(f"FAIL: LibreOffice could not open {compilation}:\n{result.stdout}{result.stderr}")
    print(f"ok: {Path(compilation).name} opens in LibreOffice (converted to PDF headless)")


if __name__ == "__main__":
    main(*sys.argv[1:])
