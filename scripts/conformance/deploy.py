"""An administrator's install (issue 19.7): Accord behind nginx terminating TLS, as README's "Deployment" says.

The checked-in deploy/nginx.conf runs as it is, but for its ports, certificate and upstream, which are replaced
(each replacement must find its line, so the file cannot drift from this check): nginx (Debian's package) with
a throwaway self-signed certificate made by openssl, on free loopback ports, from a temporary prefix, as an
unprivileged user (www-data when the check runs as root), in front of `accord serve --demo --behind-proxy` on
another loopback port. Then:

- plain HTTP is sent to HTTPS (301), and HTTPS answers carry HSTS once;
- Chromium (Debian's, through Playwright as in browser.py) signs in as the demo's Secretariat through nginx over
  HTTPS — the `__Host-` session cookie is Secure, so this needs TLS — and the cookie it keeps is Secure, HttpOnly
  and SameSite=Strict; it then reads a Secretariat-only page (/en/translations), which the public is refused;
- `curl -k` reads /metrics through nginx with a Secretariat token and finds the page it just served counted by
  route and status, its latency histogram, and the demo's ledger appends; without a token it is refused (401);
- a body over the server's largest (65 MiB) is refused by nginx (413) before it reaches Accord.

deploy/accord.service is checked by scripts/check with systemd-analyze. Everything started here is stopped by
its process id, with bounded waits, and the temporary folder is removed. It exits 1 with the reason on failure.
"""

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from accord_server import CheckFailed, accord, free_port, main

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("ACCORD_CHECK_ARTIFACTS", ROOT / ".build/conformance-artifacts"))
ACCORD = os.environ["ACCORD_CHECK_ACCORD"]


def site_config(text, https_port, http_port, upstream_port, folder):
    """deploy/nginx.conf with this run's ports, certificate and upstream; fails when a line to replace is missing."""
    replacements = [
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen \[::\]:80;\n", ""),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (r"listen \[::\]:443 ssl http2;\n", ""),
        (r"ssl_certificate /etc/ssl/accord/fullchain.pem;", f"ssl_certificate {folder}/cert.pem;"),
        (r"ssl_certificate_key /etc/ssl/accord/privkey.pem;", f"ssl_certificate_key {folder}/key.pem;"),
        (r"proxy_pass http://127.0.0.1:8080;", f"proxy_pass http://127.0.0.1:{upstream_port};"),
    ]
    for pattern, replacement in replacements:
        text, count = re.subn(
            r"(?m)^([ \t]*)" + pattern, lambda match: match.group(1) + replacement if replacement else "", text)
        if count == 0:
            raise CheckFailed(f"deploy/nginx.conf has no line matching {pattern!r}: update deploy.py with it")
    return text


def main_config(folder):
    """The nginx.conf around the site: everything in the temporary folder, nothing in /etc or /var."""
    return f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 128; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/accord-site.conf;
}}
"""


def wait_for(what, ready, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CheckFailed(f"{what} exited with {process.returncode}:\n{tail(log)}")
        if ready():
            return
        time.sleep(0.1)
    raise CheckFailed(f"{what} was not ready within {seconds} s:\n{tail(log)}")


def tail(path, characters=3000):
    path = Path(path)
    return path.read_text(errors="replace")[-characters:] if path.exists() else f"(no {path.name})"


def stop(process, seconds=15):
    """SIGTERM, then SIGKILL after `seconds`: by the process's own id, never by name."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=seconds)


def curl(*arguments):
    """curl -k (the certificate is self-signed) with a bounded time; returns (status, headers, body)."""
    result = subprocess.run(
        ["curl", "-k", "-sS", "--max-time", "30", "-D", "-", *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise CheckFailed(f"curl {' '.join(arguments)} failed: {result.stderr}")
    # Text mode has turned the header block's CRLFs into newlines.
    head, _, body = result.stdout.partition("\n\n")
    status = int(head.split()[1])
    return status, head.lower(), body


def check():
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="accord-deploy-", dir="/tmp"))
    run_as = []
    if os.getuid() == 0:
        # nginx never runs as root here: the unprivileged www-data user (Debian's) owns its folder and key.
        account = pwd.getpwnam("www-data")
        os.chown(folder, account.pw_uid, account.pw_gid)
        run_as = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "www-data", "--"]
    server = nginx = None
    try:
        https_port, http_port, upstream_port = free_port(), free_port(), free_port()
        # A throwaway self-signed certificate for 127.0.0.1.
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "key.pem"),
             "-out", str(folder / "cert.pem")], check=True, capture_output=True, timeout=60)
        site = site_config((ROOT / "deploy/nginx.conf").read_text(), https_port, http_port, upstream_port, folder)
        (folder / "accord-site.conf").write_text(site)
        (folder / "nginx.conf").write_text(main_config(folder))
        if run_as:
            for path in folder.iterdir():
                shutil.chown(path, "www-data", "www-data")

        # Accord with the demo, behind the proxy; its output has the demo accounts' passwords.
        database = folder / "demo.sqlite"
        server_log = folder / "accord.log"
        with open(server_log, "wb") as output:
            server = subprocess.Popen(
                [ACCORD, "serve", "--demo", "--behind-proxy", "--port", str(upstream_port),
                 "--database-url", str(database)], stdout=output, stderr=subprocess.STDOUT)
        wait_for("accord serve", lambda: "serving" in tail(server_log, 100_000) and answers(upstream_port),
                 server, server_log, seconds=120)
        password = re.search(r"^\s*secretariat\s+(\S+)\s+secretariat", tail(server_log, 100_000), re.M)
        if not password:
            raise CheckFailed(f"accord serve --demo printed no password for the secretariat:\n{tail(server_log)}")
        password = password.group(1)

        nginx_log = folder / "error.log"
        nginx = subprocess.Popen(
            [*run_as, "nginx", "-e", str(nginx_log), "-p", str(folder), "-c", str(folder / "nginx.conf"),
             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        base = f"https://127.0.0.1:{https_port}"
        wait_for("nginx", lambda: curl_status(f"{base}/api/v1/health") == 200, nginx, nginx_log)

        # Plain HTTP goes to HTTPS; HTTPS carries HSTS, once.
        status, headers, _ = curl(f"http://127.0.0.1:{http_port}/en/plan")
        # To the standard HTTPS port of the same host, where nginx listens in production.
        if status != 301 or "location: https://127.0.0.1/en/plan" not in headers:
            raise CheckFailed(f"plain HTTP was not sent to HTTPS: {status}\n{headers}")
        status, headers, _ = curl(f"{base}/en/plan")
        if status != 200 or headers.count("strict-transport-security:") != 1:
            raise CheckFailed(f"GET /en/plan through nginx: {status}, HSTS {headers.count('strict-transport')} "
                              f"times\n{headers}")

        sign_in_in_the_browser(base, password)

        # /metrics through nginx: with the Secretariat's token, then without.
        token = accord("user", "token", "secretariat", "--name", "deploy-check", "--database-url",
                       str(database)).strip()
        status, headers, metrics = curl("-H", f"Authorization: Bearer {token}", f"{base}/metrics")
        if status != 200 or "content-type: text/plain" not in headers:
            raise CheckFailed(f"/metrics with the Secretariat's token: {status}\n{headers}{metrics[:500]}")
        expected = [
            r'hb_requests\{[^}]*http_route="/\{lang\}/translations"[^}]*\} [1-9]',
            r'http_server_request_duration_count\{[^}]*http_route="/\{lang\}/translations"',
            r'accord_ledger_appends_total\{kind="amend-item"\} [1-9]',
            r'accord_page_cache_lookups_total\{result="miss"\} [1-9]',
        ]
        missing = [pattern for pattern in expected if not re.search(pattern, metrics)]
        if missing:
            raise CheckFailed(f"/metrics lacks {missing}:\n{metrics[:3000]}")
        status, _, _ = curl(f"{base}/metrics")
        if status != 401:
            raise CheckFailed(f"/metrics without a token answered {status}, not 401")

        # A body over the server's largest is refused by nginx, from its Content-Length, before it is sent.
        status, _, _ = curl("--http1.1", "-X", "POST", "-H", "Content-Type: application/json", "-H", "Content-Length: 70000000",
                            "--data-binary", "", f"{base}/api/v1/participants")
        if status != 413:
            raise CheckFailed(f"a 70 MB body through nginx answered {status}, not 413")
        print(f"ok: behind nginx over TLS (self-signed): Chromium signed in as the Secretariat with a Secure "
              f"__Host- cookie and read /en/translations; /metrics read with a token ({len(metrics.splitlines())} "
              f"lines), refused without; HTTP sent to HTTPS, HSTS once, 413 over 65 MiB "
              f"({time.monotonic() - started:.1f} s)", flush=True)
    except CheckFailed:
        if server is not None:
            print(f"accord serve's log:\n{tail(folder / 'accord.log')}\nnginx's log:\n{tail(folder / 'error.log')}")
        raise
    finally:
        stop(nginx)
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def answers(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def curl_status(url):
    result = subprocess.run(["curl", "-k", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", url],
                            capture_output=True, text=True)
    return int(result.stdout or 0)


def sign_in_in_the_browser(base, password):
    """Chromium signs in through the form over HTTPS and reads a page only the Secretariat may read."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            context = browser.new_context(ignore_https_errors=True)
            context.set_default_timeout(30_000)
            page = context.new_page()
            refused = page.goto(f"{base}/en/translations")
            if refused.status not in (401, 403):
                raise CheckFailed(f"the public got /en/translations through nginx: {refused.status}")
            page.goto(f"{base}/en/sign-in")
            page.fill("input[name=username]", "secretariat")
            page.fill("input[name=password]", password)
            page.click("main button[type=submit]")
            page.wait_for_load_state()
            if "Technical Secretariat" not in page.inner_text("header"):
                raise CheckFailed(f"signing in through nginx did not show the account: {page.url}\n"
                                  f"{page.inner_text('main')[:500]}")
            cookies = {cookie["name"]: cookie for cookie in context.cookies()}
            session = cookies.get("__Host-accord-session")
            if not session or not session["secure"] or not session["httpOnly"] or session["sameSite"] != "Strict":
                raise CheckFailed(f"the session cookie through nginx is not Secure, HttpOnly, SameSite=Strict: {session}")
            answer = page.goto(f"{base}/en/translations")
            if answer.status != 200 or page.locator("main h1").count() == 0:
                raise CheckFailed(f"the Secretariat could not read /en/translations through nginx: {answer.status}")
            page.screenshot(path=str(ARTIFACTS / "deploy-translations.png"), full_page=True)
            # A change through the API, signed by the session, so that /metrics has an append to count.
            session = page.request.get(f"{base}/api/v1/session")
            if session.status != 200:
                raise CheckFailed(f"GET /api/v1/session through nginx, signed in: {session.status}")
            csrf = session.json()["csrfToken"]
            title = {"authoritative": "en", "en": "Judicial cooperation",
                     "es": "Cooperación judicial internacional", "fr": "Coopération judiciaire"}
            revised = page.request.patch(f"{base}/api/v1/items/TS-2", headers={"X-CSRF-Token": csrf}, data={
                "authority": {"editorial": "deploy check"}, "amendment": {"title": title}})
            if revised.status != 200:
                raise CheckFailed(f"a change through nginx signed by the session answered {revised.status}: "
                                  f"{revised.text()[:500]}")
        finally:
            browser.close()


if __name__ == "__main__":
    main(check)
