"""Accord's pages in a real browser: Debian's chromium driven by Playwright, every page checked by axe-core.

A Secretariat officer signs in, records a decision of the V RCM that completes an activity, sees the plan
change (the activity leaves the current version for the archive), compares the editions published before
and after, and switches the interface to Spanish and French. Screenshots are kept in
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

    def publish(self, number, decision):
        head = self.call("GET", "/api/v1/health")["sequence"]
        title = {"authoritative": "en", "en": f"Plan of Action, edition {number}", "es": f"Plan de Acción, edición {number}"}
        self.call("POST", "/api/v1/editions", {
            "authority": {"decision": decision},
            "edition": {"number": number, "title": title, "date": "2026-11", "position": head}})


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
    items = api.call("GET", "/api/v1/items")["items"]
    activity = next(item["number"] for item in items if item["kind"] == "activity" and item["status"] == "approved")
    api.publish(1, "RCM-VII/1")
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
        if page.locator(f"text={activity}").count() == 0:
            fail(f"{activity} is not on the public plan")

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

        # Record the V RCM's decision that completes the activity.
        page.goto(f"{base}/en/meetings/RCM-V")
        accessible(page, "meeting")
        page.fill("input[name=paragraph]", "21")
        page.select_option("select[name=kind]", "decision")
        page.fill("textarea[name=text]", f"Declares activity {activity} completed.")
        page.select_option("select[name=item]", activity)
        page.select_option("select[name=status]", "completed")
        page.click("form.stack button[type=submit]")
        page.wait_for_load_state()
        if "RCM-V" not in page.url or f"Declares activity {activity} completed." not in page.inner_text("main"):
            fail(f"the decision is not shown on the meeting page ({page.url})")

        # The plan changed: the activity left the current version for the archive.
        page.goto(f"{base}/en/plan")
        if page.locator(f"main a:text-is('{activity}')").count() != 0:
            fail(f"{activity} is still in the current version")
        page.goto(f"{base}/en/plan?version=archive")
        if page.locator(f"main a:text-is('{activity}')").count() == 0:
            fail(f"{activity} is not in the archive version")
        accessible(page, "plan-archive")

        # Compare the editions before and after.
        api.publish(2, "RCM-V/21")
        page.goto(f"{base}/en/editions")
        accessible(page, "editions")
        page.select_option("select[name=from]", "edition:1")
        page.select_option("select[name=to]", "edition:2")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        comparison = page.inner_text("main")
        if activity not in comparison or "completed" not in comparison:
            fail(f"the comparison of editions 1 and 2 does not show {activity} completed")
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
            for path in ("/", "/plan?version=annexes", "/plan?version=proposed", f"/items/{activity}", "/meetings",
                         "/meetings/RCM-V/agenda", "/decisions", "/decisions?id=RCM-V/21", "/proposals",
                         f"/proposals/{proposal}", "/ledger", "/search?q=migracion", "/translations"):
                page.goto(f"{base}/{language}{path}")
                if page.locator("main h1").count() == 0:
                    fail(f"{page.url} has no heading")
                accessible(page, f"{language}{path.replace('/', '_').replace('?', '_')}")
        browser.close()
    print(f"browser: signed in, recorded RCM-V/21 completing {activity}, saw it move to the archive, "
          f"compared editions 1 and 2, switched language; axe found no serious or critical violation on "
          f"{len(checked)} pages; screenshots in {ARTIFACTS}")


if __name__ == "__main__":
    main()
