"""Opens a DOCX with PyPI's `python-docx` and checks it against the plan it was made from.

Every item number and title listed in ITEMS.json ([{"number": ..., "title": ...}], a title may be empty)
must appear in the document's paragraphs or table cells; headings must use Word's Heading styles; and the
document must hold a table of contents field.

Usage: check_docx.py FILE.docx ITEMS.json
"""

import json
import sys

import docx


def texts(document):
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield cell.text


def main(path, items_path):
    document = docx.Document(path)
    text = "\n".join(texts(document))
    items = json.load(open(items_path, encoding="utf-8"))
    missing = [item["number"] for item in items if item["number"] not in text]
    if missing:
        sys.exit(f"FAIL: {path} lacks items {missing[:10]}")
    titles = [item["number"] for item in items if item["title"] and " ".join(item["title"].split()) not in " ".join(text.split())]
    if titles:
        sys.exit(f"FAIL: {path} lacks the titles of {titles[:10]}")
    headings = {p.style.name for p in document.paragraphs if p.style.name.lower().startswith("heading")}
    if not {"heading 1", "heading 2"} <= {name.lower() for name in headings}:
        sys.exit(f"FAIL: {path} has no Heading 1 and Heading 2 paragraphs (found {sorted(headings)})")
    xml = document.element.xml
    # The contents: each entry links to its heading's bookmark, with a PAGEREF field for its page number.
    if "PAGEREF item_" not in xml or 'w:anchor="item_' not in xml:
        sys.exit(f"FAIL: {path} holds no table of contents with page references")
    print(f"ok: {path} opens with python-docx; {len(items)} items and their titles found; real headings; contents with page numbers")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
