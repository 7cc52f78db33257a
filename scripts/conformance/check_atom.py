"""Validates Atom feeds against RFC 4287: the RELAX NG grammar of its Appendix B and the two rules the grammar
carries as Schematron annotations, which RELAX NG alone does not check.

Usage: check_atom.py FEED.atom [...]. The grammar is checked in beside this file as atom/atom.rnc, copied from
RFC 4287, Appendix B, as published; rnc2rng turns it into RELAX NG's XML syntax and lxml validates with it.
"""

import sys
from pathlib import Path

import rnc2rng
from lxml import etree

HERE = Path(__file__).resolve().parent
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def schema():
    """The RFC's grammar as RELAX NG. rnc2rng declares the empty `local` prefix as xmlns:local="", which XML
    forbids; the declaration is unused (the grammar names that namespace by URI), so it is dropped."""
    rng = rnc2rng.dumps(rnc2rng.load(str(HERE / "atom" / "atom.rnc")))
    return etree.RelaxNG(etree.fromstring(rng.replace(' xmlns:local=""', "").encode("utf-8")))


def rules(feed):
    """The Schematron assertions of Appendix B, as XPath: what each broken one says."""
    problems = []
    if feed.xpath("not(atom:author) and atom:entry[not(atom:author)]", namespaces=ATOM):
        problems.append("an atom:feed must have an atom:author unless all of its atom:entry children have one")
    for entry in feed.xpath("atom:entry", namespaces=ATOM):
        title = entry.findtext("atom:title", namespaces=ATOM)
        if not entry.xpath("atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content", namespaces=ATOM):
            problems.append(f"entry '{title}' has neither an alternate link nor content")
        if not entry.xpath("atom:author or ../atom:author or atom:source/atom:author", namespaces=ATOM):
            problems.append(f"entry '{title}' has no author and its feed has none")
    return problems


def main(paths):
    grammar = schema()
    for path in paths:
        document = etree.parse(str(path))
        if not grammar.validate(document):
            sys.exit(f"FAIL: {path} is not valid Atom (RFC 4287, Appendix B):\n{grammar.error_log}")
        problems = rules(document.getroot())
        if problems:
            sys.exit(f"FAIL: {path} breaks RFC 4287: " + "; ".join(problems))
        entries = len(document.getroot().findall("atom:entry", namespaces=ATOM))
        print(f"ok: {Path(path).name} is valid Atom (RFC 4287 grammar and rules), {entries} entries")


if __name__ == "__main__":
    main(sys.argv[1:])
