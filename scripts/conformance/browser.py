"""Accord's pages in a real browser: Debian's chromium driven by Playwright, every page checked by axe-core.

A Secretariat officer signs in and records a Regional Consultation Group meeting of a real one's size entirely
from the pages (issue 19, "done when"): the meeting and its attendance, nine paragraphs with their
sub-paragraphs, the positions of all present with an exception, the adoption of each by consensus; then the
public reads the conclusions numbered as each language writes them, the approved activity enters the current
plan, the plan after the XXIV RCM is compared with the plan now, and the interface switches to Spanish and
French. Then Mexico's delegate shares statistics from the pages (issue 21, "done when"): the demo's workbook
uploaded, previewed with its warning and committed; the Secretariat publishes; the public chart shows it.
Screenshots are kept in .build/conformance-artifacts/ as test artifacts. scripts/check runs this after
the format checks.
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


# The meeting the test records entirely from the pages, a Regional Consultation Group meeting of a real one's
# size: ten of the eleven member states present (the United States absent) and IOM observing; nine paragraphs,
# three of them with sub-paragraphs, one (3) approving Mexico's proposed activity on document standards (seed
# 002, proposal 5). Test data, not the demo's.
MEETING = "RCGM-2026-11"
PRESENT = ["BLZ", "CAN", "CRI", "DOM", "GTM", "HND", "MEX", "NIC", "PAN", "SLV"]
ABSENT = "USA"
ACTIVITY = "MPM-3.1"
PARAGRAPHS = [
    ("1", "Approves the agenda of the meeting.", []),
    ("2", "Takes note of the reports of the Liaison Officer Networks:",
     ["(a) on Consular Protection;", "(b) on Migrant Smuggling and Trafficking in Persons."]),
    ("3", f"Approves activity {ACTIVITY}, common document standards.", []),
    ("4", "Thanks the Technical Secretariat for its activity and financial report.", []),
    ("5", "Requests the Technical Secretariat:",
     ["to circulate the draft workplan of the networks;", "to prepare the agenda of the next meeting;",
      "to report on the Reserve Fund."]),
    ("6", "Welcomes the offer of Panama to host a workshop on labour migration.", []),
    ("7", "Recommends to the Vice-Ministers:",
     ["(a) to adopt the revised Plan of Action;", "(b) to thank the observer organizations."]),
    ("8", "Agrees to hold its next meeting in the first half of 2027.", []),
    ("9", "Thanks the Government of Panama for its hospitality.", []),
]
# Every paragraph and sub-paragraph is a draft of its own, as the conclusions number them.
DRAFTS = [number for number, _, subs in PARAGRAPHS
          for number in [number] + [f"{number}.{chr(ord('a') + i)}" for i in range(len(subs))]]
# The exception to "all present: does not object": Mexico, whose proposal paragraph 3 approves, supports it.
EXCEPTION = ("3", "MEX", "supports", "Mexico proposed the activity.")


def record_meeting(page, base):
    """Records the meeting from the pages: the meeting and its attendance, its drafts with their sub-paragraphs,
    the positions of all present with an exception, and the adoption of each draft. Returns the forms sent."""
    sent = 0

    def submit(form):
        nonlocal sent
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        sent += 1
        if MEETING not in page.url or page.locator("main [role=alert]").count() != 0:
            fail(f"a form at {MEETING} was refused ({page.url}): {page.inner_text('main')[:300]}")

    page.goto(f"{base}/en/meetings")
    form = page.locator("form[action$='/meetings']")
    form.locator("select[name=body]").select_option("RCGM")
    form.locator("input[name=id]").fill(MEETING)
    form.locator("input[name=title]").fill("RCGM, Panama City, November 2026")
    form.locator("input[name=start]").fill("2026-11-19")
    form.locator("input[name=end]").fill("2026-11-20")
    form.locator("input[name=place]").fill("Panama City")
    form.locator("select[name=host]").select_option("PAN")
    for code in PRESENT + ["IOM"]:
        form.locator(f"input[name=present-{code}]").check()
    submit(form)

    for number, text, subs in PARAGRAPHS:
        form = page.locator("form[action$='/drafts']")
        form.locator("input[name=paragraph]").fill(number)
        form.locator("textarea[name=text]").fill(text)
        form.locator("textarea[name=subparagraphs]").fill("\n".join(subs))
        if number == EXCEPTION[0]:
            form.locator("select[name=status-item]").select_option(ACTIVITY)
            form.locator("select[name=status-to]").select_option("approved")
        submit(form)
    if page.locator("form[action$='/adopt']").count() != 0:
        fail("a draft could be adopted before any position was recorded")
    if page.locator(f"select[name=position-{ABSENT}]").count() != 0:
        fail(f"the absent {ABSENT} is offered a position")

    for draft in DRAFTS:
        form = page.locator(f"form[action$='/positions/all']:has(input[name=draft][value='{draft}'])")
        form.locator("select[name=all]").select_option("does-not-object")
        if draft == EXCEPTION[0]:
            form.locator(f"select[name=position-{EXCEPTION[1]}]").select_option(EXCEPTION[2])
            form.locator(f"input[name=note-{EXCEPTION[1]}]").fill(EXCEPTION[3])
        submit(form)
        adopt = page.locator(f"form[action$='/adopt']:has(input[name=draft][value='{draft}'])")
        if adopt.count() != 1:
            fail(f"draft {draft} cannot be adopted although every member state present joins the consensus")
        submit(adopt)
    return sent

def sign_in(page, base, username, language="en"):
    page.goto(f"{base}/{language}/sign-in")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def share_statistics(browser, page, base, accessible):
    """Issue 21's "done when", from the pages: Mexico's delegate uploads the demo's workbook in Spanish, sees its
    preview and a warning, commits it; the Secretariat (`page`) publishes a release; the public page charts it."""
    workbook = WORK / "devoluciones-2026-SINTETICO.xlsx"
    with urllib.request.urlopen(f"{base}/es/statistics/demo-workbook.xlsx", timeout=30) as answer:
        workbook.write_bytes(answer.read())
    mexico = browser.new_page()
    sign_in(mexico, base, "mex.delegate", "es")
    mexico.goto(f"{base}/es/statistics/upload")
    accessible(mexico, "statistics-upload-es")
    form = mexico.locator("form[action$='/statistics/upload']")
    if form.locator("select[name=area] option").all_inner_texts() != ["MEX"]:
        fail("Mexico's delegate is offered another state's REF_AREA on the upload form")
    form.locator("select[name=format]").select_option("xlsx")
    form.locator("input[name=file]").set_input_files(str(workbook))
    form.locator("button[type=submit]").click()
    mexico.wait_for_load_state()
    if "/statistics/uploads/" not in mexico.url:
        fail(f"the upload was not staged ({mexico.url}): {mexico.inner_text('main')[:300]}")
    preview = mexico.inner_text("main")
    if "SEX" not in preview or mexico.locator("form[action$='/commit'] button[type=submit]").count() != 1:
        fail(f"the preview shows no warning on SEX or cannot be committed: {preview[:500]}")
    accessible(mexico, "statistics-preview-es")
    mexico.locator("form[action$='/commit'] button[type=submit]").click()
    mexico.wait_for_load_state()
    if "committed=" not in mexico.url:
        fail(f"committing did not come back to the statistics page: {mexico.url}")
    mexico.close()

    public = browser.new_page()
    chart = f"{base}/en/statistics/DF_MIGR_RETURNS?REF_AREA=MEX&startPeriod=2026-01"
    public.goto(chart)
    before = public.inner_text("main")
    page.goto(f"{base}/en/statistics")
    form = page.locator("form[action$='/statistics/releases']")
    form.locator("input[name=date]").fill("2026-04-01")
    form.locator("[name=notes]").fill("Mexico, first quarter of 2026 (synthetic).")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    if page.locator("main [role=alert]").count() != 0:
        fail(f"publishing the release was refused: {page.inner_text('main')[:300]}")
    public.goto(chart)
    after = public.inner_text("main")
    if "2026" not in after or after == before or public.locator("main svg").count() == 0:
        fail(f"the public statistics page does not chart Mexico's published 2026 figures: {after[:500]}")
    if "synthetic" not in after.lower():
        fail("the public statistics page does not say its data are synthetic")
    accessible(public, "statistics-public")
    public.close()


def main():
    database = WORK / "browser.sqlite"
    accord("demo", "--database-url", str(database))
    accord("user", "add", "ts.officer", "--role", "secretariat", "--name", "TS officer",
           "--database-url", str(database), stdin=PASSWORD + "\n")
    token = accord("user", "token", "ts.officer", "--name", "browser-check", "--database-url", str(database)).strip()
    accord("user", "add", "mex.delegate", "--role", "delegate", "--participant", "MEX", "--name", "Delegación de México",
           "--language", "es", "--database-url", str(database), stdin=PASSWORD + "\n")
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

        # The meeting, recorded from the pages.
        began = time.monotonic()
        sent = record_meeting(page, base)
        seconds = time.monotonic() - began
        accessible(page, "meeting-recorded")
        draft = api.call("GET", f"/api/v1/drafts/{MEETING}/{EXCEPTION[0]}")["draft"]
        positions = {p["participant"]: p for p in draft["positions"]}
        if sorted(positions) != PRESENT or any(p["recordedBy"] != "secretariat" for p in positions.values()):
            fail(f"the positions on {MEETING}/{EXCEPTION[0]} are not one per member state present: {positions}")
        if positions[EXCEPTION[1]]["position"] != EXCEPTION[2] or any(
                p["position"] != "does-not-object" for code, p in positions.items() if code != EXCEPTION[1]):
            fail(f"the exception was not recorded as chosen: {positions}")
        decisions = api.call("GET", "/api/v1/decisions")["items"]
        adopted = sorted(d["paragraph"] for d in decisions if d["meeting"] == MEETING and d["status"] == "in-force")
        if adopted != sorted(DRAFTS):
            fail(f"the decisions in force at {MEETING} are {adopted}, not {sorted(DRAFTS)}")

        # What the public reads: the conclusions with their sub-paragraphs numbered as each language writes them.
        public = browser.new_page()
        for language, label in (("en", "2 (a)"), ("es", "2 a)"), ("fr", "5 c)")):
            public.goto(f"{base}/{language}/meetings/{MEETING}")
            main = public.inner_text("main")
            if label not in main or "Thanks the Government of Panama" not in main:
                fail(f"the public meeting page in {language} does not show the conclusions as numbered: {main[:400]}")
            if "does-not-object" in public.content() or "Mexico proposed" in main:
                fail("the public meeting page shows the working side's positions")
        accessible(public, "meeting-public")
        public.close()
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
                         f"/proposals/{proposal}", "/ledger", "/search?q=migracion", "/translations",
                         "/participants", "/participants/MEX", f"/meetings/{MEETING}/transcription", "/plan/import"):
                page.goto(f"{base}/{language}{path}")
                if page.locator("main h1").count() == 0:
                    fail(f"{page.url} has no heading")
                accessible(page, f"{language}{path.replace('/', '_').replace('?', '_')}")
        share_statistics(browser, page, base, accessible)
        browser.close()
    print(f"browser: signed in, recorded {MEETING} from the pages in {sent} forms and {seconds:.0f} s ({len(PRESENT)} "
          f"member states present, {ABSENT} absent, {len(PARAGRAPHS)} paragraphs, {len(DRAFTS)} drafts with their "
          f"sub-paragraphs, positions of all present with an exception, each adopted by consensus), "
          f"saw {ACTIVITY} enter the current plan, compared the plan after the XXIV RCM with now, switched "
          f"language; Mexico's delegate uploaded the demo workbook from the pages, previewed its warning and "
          f"committed it, the Secretariat published it, the public chart shows it; axe found no serious or critical violation on {len(checked)} pages; screenshots in {ARTIFACTS}")


if __name__ == "__main__":
    main()
