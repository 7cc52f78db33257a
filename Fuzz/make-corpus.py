"""Writes the fuzz targets' seed corpora in Fuzz/Corpus/<target>/ (run from the repository's root).

    python3 Fuzz/make-corpus.py "$(swift build --show-bin-path)/accord"

The seeds are what the parsers see in normal use, so that the fuzzer starts from inputs that reach deep into them:
ledger entries of every kind as the demo's store wrote them (`ledger`), the changes, authorities and API bodies
made from them plus the governance bodies the API tests send (`json`), each page form (`form`), the plan CSV as
`accord export` writes it (`csv`) and request paths, canonical and not (`path`). Run it again after a change of
the ledger's encoding or of the CSV's columns, and commit the result.

The files named by a SHA-1 are not written here: they are what deep runs found (README, "Fuzzing"), merged in
with libFuzzer's -merge=1, which keeps only inputs that reach something the folder's other inputs do not.
"""

import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path("Fuzz/Corpus")

# The record routes' bodies carry the entity under its singular key; the change carries it under its own.
ENTITY = {
    "add-participant": ("participant", "participant"), "add-body": ("body", "body"),
    "add-meeting": ("meeting", "meeting"), "record-decision": ("decision", "decision"),
    "add-workplan": ("workplan", "workplan"), "add-item": ("item", "item"),
    "submit-proposal": ("proposal", "proposal"), "file-comment": ("comment", "comment"),
    "add-standing-item": ("standing-item", "standingItem"),
}

TEXT = {"authoritative": "en", "en": "A confidential draft paragraph", "es": "Un párrafo"}
GOVERNANCE = {
    "mallory": {"actor": {"name": "mallory", "role": "system"}, "authority": {"editorial": "x"}, "status": "ongoing",
                "pad": "&csrf=x&"},
    "status": {"authority": {"decision": "RCM-VII/1"}, "status": "ongoing"},
    "amendment": {"authority": {"editorial": "typo"}, "amendment": {"title": TEXT, "leads": ["MEX", "IOM"]}},
    "draft": {"authority": {"editorial": "drafting"},
              "draft": {"meeting": "RCM-V", "paragraph": "99", "kind": "decision", "text": TEXT, "effects": []}},
    "position": {"authority": {"participant": "MEX"},
                 "position": {"participant": "MEX", "position": "reservation-pending-consultation", "note": TEXT}},
    "agenda": {"authority": {"editorial": "drafting"},
               "agenda": {"meeting": "RCM-V", "status": "draft",
                          "items": [{"title": TEXT, "source": "other", "purpose": "discussion"}]}},
    "edition": {"authority": {"decision": "RCM-VII/1"},
                "edition": {"number": 1, "title": TEXT, "date": "2025-11", "position": 120}},
    "challenge": {"authority": {"participant": "MEX"},
                  "challenge": {"sequence": 131, "participant": "MEX", "reason": TEXT}},
    "settlement": {"authority": {"decision": "RCM-VI/4"}, "settlement": "reject"},
    "withdraw": {"authority": {"participant": "MEX"}},
    "import": {"authority": {"editorial": "import"}, "csv": "record,number,kind\nitem,MPM-1,area\n", "apply": False},
    "session": {"username": "ana.ts", "password": "a long password"},
    "ambiguous-authority": {"editorial": "x", "decision": "RCM-VII/1"},
}

FORMS = {
    "sign-in": "csrf=abc&username=ana.ts&password=a+long+password",
    "decision": "csrf=abc&paragraph=9&kind=conclusion&text=Takes+note.&source=minutes&item=MPM-1.1&status=completed",
    "proposal": "csrf=abc&id=MEX-1&participant=MEX&title=A+proposal&items=One%0D%0ATwo&tabledFor=RCM-V",
    "comment": "csrf=abc&item=1&participant=CAN&stance=supports&text=Agreed.&parent=",
    "position": "csrf=abc&draft=99&participant=MEX&position=reservation-pending-consultation&note=Pending",
    "adopt": "csrf=abc&draft=99",
    "challenge": "csrf=abc&participant=MEX&sequence=131&reason=It+narrows+the+commitment.",
    "settle": "csrf=abc&sequence=131&decision=RCM-VII%2F1&settlement=confirm",
    "agenda": "csrf=abc&keep0=on&title0=Opening&purpose0=decision&keep2=on&title2=Closing&new0=Matrix+item"
              "&newPurpose0=discussion&new1=%C3%89lection",
    "arrays": "a[]=1&a[]=2&b[c]=3&csrf=%E2%9C%93",
}

PATHS = [
    "/", "/en", "/api/v1/items/MPM-1.1", "/en/items/MPM-1.1", "/api/v1/drafts/RCM-V/99/positions",
    "//api/v1/ledger", "/api/v1//drafts/RCM-V/4", "/api/v1/./ledger", "/api/v1/../v1/ledger", "/api/v1/%6Cedger",
    "/api/v1%2Fledger", "/api/v1/ledger/", "/API/v1/ledger", "/en/search%3Fq", "/caf%C3%A9", "/%7Euser",
    "/a%2e%2e/b", "/a\\b", "/%00", "/%zz", "/é/ü",
]


def write(folder, name, data):
    path = CORPUS / folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main():
    accord = sys.argv[1]
    # The named seeds are rewritten; inputs a deep run found and merged in (named by their SHA-1) stay.
    for folder in ["json", "form", "csv", "path", "ledger"]:
        (CORPUS / folder).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        database = f"{work}/demo.sqlite"
        subprocess.run([accord, "demo", "--database-url", database], check=True, capture_output=True)
        entries = [row[0] for row in sqlite3.connect(database).execute("SELECT entry FROM ledger ORDER BY sequence")]
        subprocess.run([accord, "export", "plan", "--format", "csv", "-o", f"{work}/plan.csv", "--database-url",
                        database], check=True, capture_output=True)
        plan = Path(f"{work}/plan.csv").read_bytes()

    # The first and last entry of each kind, exactly as stored, and what the API and Core read of them.
    by_kind = {}
    for text in entries:
        by_kind.setdefault(json.loads(text)["change"]["kind"], []).append(text)
    for kind, texts in sorted(by_kind.items()):
        for index, text in enumerate(dict.fromkeys([texts[0], texts[-1]])):
            entry = json.loads(text)
            write("ledger", f"{kind}-{index}.json", text)
            write("json", f"change-{kind}-{index}.json", compact(entry["change"]))
            write("json", f"proposed-{kind}-{index}.json",
                  compact({key: entry[key] for key in ["change", "actor", "authority"]}))
            if kind in ENTITY:
                key, singular = ENTITY[kind]
                write("json", f"body-{kind}-{index}.json",
                      compact({"authority": entry["authority"], singular: entry["change"][key]}))
    write("json", "revision-report.json",
          compact({"draft": [{key: json.loads(by_kind["add-item"][0])[key] for key in ["change", "actor", "authority"]}]}))
    for name, body in GOVERNANCE.items():
        write("json", f"{name}.json", compact(body))

    for name, text in FORMS.items():
        write("form", f"{name}.txt", text)

    # The whole export, and a few rows of it as a spreadsheet may save them.
    lines = plan.split(b"\n")
    excerpt = b"\n".join(lines[:6]) + b"\n"
    write("csv", "plan.csv", plan)
    write("csv", "excerpt.csv", excerpt)
    write("csv", "excerpt-bom-crlf.csv", b"\xef\xbb\xbf" + excerpt.replace(b"\n", b"\r\n"))
    write("csv", "header-only.csv", lines[0] + b"\n")

    for index, path in enumerate(PATHS):
        write("path", f"{index:02d}.txt", path)


if __name__ == "__main__":
    main()
