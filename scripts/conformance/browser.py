"""Accord's pages in a real browser: Debian's chromium driven by Playwright, every page checked by axe-core.

A Secretariat officer signs in, records at a Regional Consultation Group meeting each delegation's position on
a draft approving a proposed activity, adopts it once consensus is reached, sees the activity enter the current
plan, compares the plan after the XXIV RCM with the plan now, and switches the interface to Spanish and French. Screenshots are kept in
.build/conformance-artifacts/ as test artifacts. scripts/check runs this after the format checks.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ACCORD = os.environ["ACCORD_CHECK_ACCORD"]
WORK = Path(os.environ["ACCORD_CHECK_WORK"])
ARTIFACTS = Path(os.environ.get("ACCORD_CHECK_ARTIFACTS", ".build/conformance-artifacts"))
CHROMIUM = os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "a long browser test password"


def fail(message):
    sys.exit(f"FAIL (browser): {message}")


def accord(*arguments, stdin=None):
    result = subprocess.run([ACCORD, *arguments], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"accord {' '.join(arguments)}: {result.stdout}{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class API:
    """The JSON API with the Secretariat's token, for what the test prepares outside the browser."""

    def __init__(self, base, token):
        self.base, self.token = base, token

    def call(self, method, path, body=None):
        request = urllib.request.Request(
            self.base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)


# The meeting the test records: a Regional Consultation Group meeting of ten of the eleven member states
# (the United States absent), and the draft it adopts, approving Mexico's proposed activity on document
# standards (seed 002, proposal 5). Test data, not the demo's.
MEETING = "RCGM-2026-11"
PRESENT = ["BLZ", "CAN", "CRI", "DOM", "GTM", "HND", "MEX", "NIC", "PAN", "SLV"]
ACTIVITY = "MPM-3.1"


def prepare(api):
    """Convenes the meeting and tables the draft through the API (the pages for these are issue 19's)."""
    api.call("POST", "/api/v1/meetings", {"authority": {"editorial": "convened"}, "meeting": {
        "id": MEETING, "body": "RCGM", "start": "2026-11-19", "end": "2026-11-20", "host": "PAN",
        "place": {"authoritative": "en", "en": "Panama City", "es": "Ciudad de Panamá"},
        "title": {"authoritative": "en", "en": "RCGM, November 2026", "es": "GRCM, noviembre de 2026"},
        "attendance": PRESENT}})
    api.call("POST", f"/api/v1/meetings/{MEETING}/drafts", {"authority": {"editorial": "tabled"}, "draft": {
        "id": f"{MEETING}/3", "meeting": MEETING, "paragraph": "3", "kind": "decision",
        "text": {"authoritative": "en", "en": f"Approves activity {ACTIVITY}, common document standards."},
        "effects": [{"kind": "change-status", "number": ACTIVITY, "status": "approved"}],
        "positions": [], "status": "draft"}})


def main():
    database = WORK / "browser.sqlite"
    accord("demo", "--database-url", str(database))
    accord("user", "add", "ts.officer", "--role", "secretariat", "--name", "TS officer",
           "--database-url", str(database), stdin=PASSWORD + "\n")
    token = accord("user", "token", "ts.officer", "--name", "browser-check", "--database-url", str(database)).strip()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([ACCORD, "serve", "--port", str(port), "--database-url", str(database)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/v1/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            fail("the server did not start")
        run(base, API(base, token))
    finally:
        server.terminate()
        server.wait(timeout=10)


def run(base, api):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prepare(api)
    axe = Axe()
    checked = []

    def accessible(page, name):
        results = axe.run(page)
        bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        if bad:
            fail(f"axe on {page.url}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']}" for v in bad))
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        checked.append(page.url)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(f"{base}/en/plan")
        accessible(page, "plan-public")
        if page.locator(f"main a:text-is('{ACTIVITY}')").count() != 0:
            fail(f"{ACTIVITY}, only proposed, is on the public plan")

        # Sign in through the form.
        page.goto(f"{base}/en/sign-in")
        accessible(page, "sign-in")
        page.fill("input[name=username]", "ts.officer")
        page.fill("input[name=password]", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        if "TS officer" not in page.inner_text("header"):
            fail("signing in did not show the account")
        accessible(page, "dashboard")

        # At the meeting, record each delegation's position on the draft, then adopt it by consensus.
        page.goto(f"{base}/en/meetings/{MEETING}")
        accessible(page, "meeting")
        if page.locator("form[action$='/adopt']").count() != 0:
            fail("the draft could be adopted before any position was recorded")
        for state in PRESENT:
            form = page.locator("form[action$='/positions']").first
            form.locator("select[name=participant]").select_option(state)
            form.locator("select[name=position]").select_option("does-not-object")
            form.locator("button[type=submit]").click()
            page.wait_for_load_state()
            if MEETING not in page.url:
                fail(f"recording {state}'s position did not return to the meeting ({page.url}): "
                     f"{page.inner_text('main')[:300]}")
        adopt = page.locator("form[action$='/adopt'] button[type=submit]")
        if adopt.count() == 0:
            fail("the draft cannot be adopted although every member state present does not object")
        accessible(page, "meeting-consensus")
        adopt.first.click()
        page.wait_for_load_state()
        page.goto(f"{base}/en/decisions?id={MEETING}/3")
        if ACTIVITY not in page.inner_text("main"):
            fail(f"the decision page does not show what {MEETING}/3 did")
        accessible(page, "decision")

        # The plan changed: the activity is in the current version, for everyone.
        page.goto(f"{base}/en/plan")
        if page.locator(f"main a:text-is('{ACTIVITY}')").count() == 0:
            fail(f"{ACTIVITY} is not in the current version after its approval")

        # Compare the plan after the XXIV RCM with the plan now.
        page.goto(f"{base}/en/editions")
        accessible(page, "editions")
        page.select_option("select[name=from]", "meeting:RCM-XXIV")
        page.select_option("select[name=to]", "")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        comparison = page.inner_text("main")
        if ACTIVITY not in comparison:
            fail(f"the comparison of the plan after the XXIV RCM with now does not show {ACTIVITY}")
        accessible(page, "compare")

        # Switch language.
        page.click("nav.languages a[lang=es]")
        page.wait_for_load_state()
        if page.get_attribute("html", "lang") != "es" or "Comparar" not in page.inner_text("main"):
            fail("switching to Spanish did not translate the page")
        accessible(page, "compare-es")
        page.click("nav.languages a[lang=fr]")
        page.wait_for_load_state()
        if "Comparer" not in page.inner_text("main"):
            fail("switching to French did not translate the page")

        # Every other page, in two languages, for axe.
        proposal = api.call("GET", "/api/v1/proposals")["items"][0]["id"]
        for language in ("en", "es"):
            for path in ("/", "/plan?version=annexes", "/plan?version=proposed", f"/items/{ACTIVITY}", "/meetings",
                         "/meetings/RCM-V/agenda", "/decisions", "/decisions?id=RCM-V/1", "/proposals",
                         f"/proposals/{proposal}", "/ledger", "/search?q=migracion", "/translations"):
                page.goto(f"{base}/{language}{path}")
                if page.locator("main h1").count() == 0:
                    fail(f"{page.url} has no heading")
                accessible(page, f"{language}{path.replace('/', '_').replace('?', '_')}")
        browser.close()
    print(f"browser: signed in, recorded {len(PRESENT)} positions at {MEETING} and adopted its draft by consensus, "
          f"saw {ACTIVITY} enter the current plan, compared the plan after the XXIV RCM with now, switched "
          f"language; axe found no serious or critical violation on {len(checked)} pages; screenshots in {ARTIFACTS}")


if __name__ == "__main__":
    main()
