"""The JSON API against its own OpenAPI document: schemathesis, anonymously and with a Secretariat token.

scripts/check runs this with the validators' virtual environment after the format checks. It serves a copy of
the demo record, adds a Secretariat account with an API token, and runs schemathesis twice against the
document the server serves at /openapi.json, with the checks and allowances of schemathesis.toml beside this
file. Any failure (a server error, a status or body the document does not declare, a schema-valid request
refused as malformed, a schema-violating one accepted, a method the document does not list answered other
than 405) fails the run. It prints what each run generated and how long it took.

Schemathesis runs with one worker: with two, Python 3.11's ast.parse, which Hypothesis calls from both threads
to describe its filters, fails now and then ("AST constructor recursion depth mismatch"), and on two cores a
second worker gains little. The runs are bounded: ACCORD_SCHEMATHESIS_EXAMPLES (10 by default) examples per
operation in the fuzzing phase, with a fixed seed (ACCORD_SCHEMATHESIS_SEED, 1 by default) so that CI sends the
same requests each time; both runs take about three and a half minutes on two busy cores.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from accord_server import CheckFailed, Server, WORK, add_account, main

HERE = Path(__file__).resolve().parent
DEMO = os.environ["ACCORD_CHECK_DATABASE"]
EXAMPLES = os.environ.get("ACCORD_SCHEMATHESIS_EXAMPLES", "10")
SEED = os.environ.get("ACCORD_SCHEMATHESIS_SEED", "1")
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def schemathesis(name, base, *arguments):
    """Runs schemathesis against the served document and prints its figures; a failure fails the check."""
    log = WORK / f"schemathesis-{name}.txt"
    command = [
        SCHEMATHESIS, "--config-file", str(HERE / "schemathesis.toml"), "run", f"{base}/openapi.json",
        "--url", base, "--max-examples", EXAMPLES, "--seed", SEED, "--no-color",
        *arguments,
    ]
    started = time.monotonic()
    with open(log, "w", encoding="utf-8") as output:
        # In the work folder, so that what schemathesis keeps between runs (.schemathesis/) goes with it.
        result = subprocess.run(command, stdout=output, stderr=subprocess.STDOUT, cwd=WORK)
    seconds = time.monotonic() - started
    text = log.read_text(encoding="utf-8")
    generated = re.search(r"(\d+) generated(.*)", text)
    figures = generated.group(0).strip() if generated else "no test case was generated"
    if result.returncode != 0 or not generated:
        # The failures, each with its curl line, are the part of the log to read.
        start = text.find("FAILURES")
        print(text[max(start - 40, 0):])
        raise CheckFailed(f"schemathesis ({name}) exited {result.returncode}: {figures}")
    print(f"ok: schemathesis, {name}: {figures}, in {seconds:.0f} s", flush=True)


def check():
    database = str(WORK / "api.sqlite")
    shutil.copyfile(DEMO, database)
    token = add_account(database, "ts.schemathesis", "secretariat")
    server = Server(database, WORK / "api-server.log")
    try:
        base = f"http://127.0.0.1:{server.port}"
        # The public: what it may read, and every write refused (401) as the document says. The coverage
        # phase's boundary values are sent with the token below, where they reach the decoders and the rules.
        schemathesis("anonymous", base, "--phases", "examples,fuzzing,stateful")
        # The Secretariat: every operation, its reads of the working side and its writes through the rules.
        schemathesis("secretariat", base, "--header", f"Authorization: Bearer {token}")
    finally:
        server.stop()
    print("api: the server answers as its OpenAPI document says")


if __name__ == "__main__":
    main(check)
