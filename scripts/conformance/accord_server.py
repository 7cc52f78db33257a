"""What the crash and load checks share: the accord command, a server on a free loopback port, an HTTP client
that keeps its connection, and a throwaway PostgreSQL server.

Nothing here is specific to one check; each check says what it asks of the server and what it expects.
"""

import http.client
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACCORD = os.environ["ACCORD_CHECK_ACCORD"]
WORK = Path(os.environ["ACCORD_CHECK_WORK"])
PASSWORD = "a long check password"


class CheckFailed(Exception):
    """A check found Accord misbehaving; the message says what and where."""


def accord(*arguments, stdin=None, expect=0):
    """Runs the accord command; fails the check on an unexpected exit status. Returns its standard output."""
    result = subprocess.run([ACCORD, *arguments], input=stdin, capture_output=True, text=True)
    if result.returncode != expect:
        raise CheckFailed(
            f"accord {' '.join(arguments)} exited {result.returncode} (expected {expect}):\n"
            f"{result.stdout}{result.stderr}")
    return result.stdout


def add_account(database_url, username, role, participant=None):
    """Adds an account and returns an API token of it (the password comes from standard input, as people give it)."""
    extra = ["--participant", participant] if participant else []
    accord("user", "add", username, "--role", role, *extra, "--database-url", database_url, stdin=PASSWORD + "\n")
    return accord("user", "token", username, "--name", "check", "--database-url", database_url).strip()


def free_port():
    """A loopback port nobody listens on now (the kernel's choice for port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`accord serve` on a loopback port, its output kept in a log file to show when something fails."""

    def __init__(self, database_url, log):
        self.database_url = database_url
        self.log = Path(log)
        self.port = free_port()
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(
                [ACCORD, "serve", "--database-url", database_url, "--port", str(self.port)],
                stdout=output, stderr=subprocess.STDOUT)
        self.wait_until_up()

    def wait_until_up(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CheckFailed(f"accord serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                status, _ = Client(self.port).request("GET", "/api/v1/health")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise CheckFailed(f"accord serve did not answer within {seconds} s:\n{self.log_tail()}")

    def kill(self):
        """SIGKILL: no handler runs, nothing is flushed that was not already handed to the kernel."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        """A graceful stop (SIGTERM), then SIGKILL if it does not end in 20 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_tail(self, characters=3000):
        return self.log.read_text(errors="replace")[-characters:] if self.log.exists() else "(no server log)"


class Client:
    """One keep-alive HTTP/1.1 connection to the server, as one client of many would hold."""

    def __init__(self, port, token=None, timeout=30):
        self.port, self.token, self.timeout = port, token, timeout
        self.connection = None

    def request(self, method, path, body=None, token=None):
        """Sends a request (body as JSON) and returns (status, parsed JSON or the raw bytes).

        A connection error is raised as OSError (http.client's errors are turned into one), and the connection
        is dropped, so the next request opens a new one.
        """
        token = token if token is not None else self.token
        headers = {"Accept": "*/*"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.connection.request(method, path, body=data, headers=headers)
            answer = self.connection.getresponse()
            raw = answer.read()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise OSError(f"{method} {path}: {error!r}") from error
        if answer.getheader("Connection", "").lower() == "close":
            self.close()
        kind = answer.getheader("Content-Type", "")
        return answer.status, (json.loads(raw) if "json" in kind and raw else raw)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def postgres_tools():
    """The folder of initdb, pg_ctl and psql (Debian's newest, or on PATH), or None."""
    folders = []
    on_path = shutil.which("initdb")
    if on_path:
        folders.append(Path(on_path).resolve().parent)
    versions = Path("/usr/lib/postgresql")
    if versions.is_dir():
        numbered = [folder for folder in versions.iterdir() if folder.name.isdigit()]
        folders += [folder / "bin" for folder in sorted(numbered, key=lambda folder: -int(folder.name))]
    for folder in folders:
        if all((folder / tool).exists() for tool in ("initdb", "pg_ctl", "psql")):
            return folder
    return None


class ThrowawayPostgres:
    """A PostgreSQL server of its own for one check: initdb in a temporary folder, a free loopback port, trust
    authentication, stopped and deleted at the end. PostgreSQL refuses to run as root, so as root (as in CI) its
    tools run as the postgres user, in a folder that user owns."""

    def __init__(self, tools):
        self.tools = tools
        self.folder = Path(tempfile.mkdtemp(prefix="accord-check-pg-", dir="/tmp"))
        self.run_as = []
        if os.getuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.run_as = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "postgres", "--"]
        self.port = None

    def __enter__(self):
        try:
            self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C",
                      "--no-sync")
            for _ in range(5):
                self.port = free_port()
                options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
                started = self._run("pg_ctl", "start", "-D", self.data, "-l", str(self.folder / "server.log"), "-w",
                                    "-t", "60", "-o", options, check=False)
                if started.returncode == 0:
                    return self
            raise CheckFailed(f"pg_ctl start failed:\n{started.stdout}{started.stderr}\n{self.server_log()}")
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def __exit__(self, *_):
        if (Path(self.data) / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "-D", self.data, "-m", "immediate", "-w", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def data(self):
        return str(self.folder / "data")

    def create_database(self, name):
        """Creates `name` and returns its URL for accord's --database-url."""
        self._run("psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "postgres",
                  "-c", f"CREATE DATABASE {name}")
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def server_log(self):
        log = self.folder / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def _run(self, tool, *arguments, check=True):
        result = subprocess.run([*self.run_as, str(self.tools / tool), *arguments], capture_output=True, text=True,
                                cwd=self.folder)
        if check and result.returncode != 0:
            raise CheckFailed(f"{tool} failed ({result.returncode}): {result.stdout}{result.stderr}")
        return result


def backends(names):
    """The databases to run on: SQLite always; PostgreSQL when its tools are here, or a failure when CI demands it
    (ACCORD_REQUIRE_POSTGRES=1) and they are not. Yields (name, a context manager giving a fresh database URL)."""
    for name in names:
        if name == "sqlite":
            yield "SQLite", lambda label: _sqlite(label)
        elif name == "postgres":
            tools = postgres_tools()
            if tools is None:
                if os.environ.get("ACCORD_REQUIRE_POSTGRES") == "1":
                    raise CheckFailed("ACCORD_REQUIRE_POSTGRES=1 but initdb, pg_ctl and psql were not found")
                print("skipped on PostgreSQL: initdb, pg_ctl and psql were not found", flush=True)
                continue
            yield "PostgreSQL", lambda label, tools=tools: _postgres(tools, label)


class _sqlite:
    def __init__(self, label):
        self.path = WORK / f"{label}.sqlite"

    def __enter__(self):
        return str(self.path)

    def __exit__(self, *_):
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)


class _postgres:
    def __init__(self, tools, label):
        self.server = ThrowawayPostgres(tools)
        self.label = label

    def __enter__(self):
        self.server.__enter__()
        return self.server.create_database(self.label.replace("-", "_"))

    def __exit__(self, *details):
        self.server.__exit__(*details)


def main(check):
    """Runs `check()` and turns a CheckFailed into a FAIL line and exit status 1."""
    try:
        check()
    except CheckFailed as failure:
        sys.exit(f"FAIL: {failure}")
