"""kill -9 under concurrent writes: every write the server acknowledged is there after a restart, and
`accord verify` passes (issue 16.6).

On a fresh database with a Secretariat account, `accord serve` takes writes from several clients at once through
the API with the account's token: half of them add proposed activities, each under a number of its own; the
other half amend the title of an activity of their own, again and again, with a version number in the title.
Once writes are flowing the server is killed with SIGKILL, in the middle of them. Then:

- `accord verify` passes: the chain re-hashes, and the projections equal a rebuild from the ledger;
- after a restart every acknowledged write (2xx) is in the ledger at the sequence its answer gave, with the same
  hash; every acknowledged activity exists; each amended title is at least the last acknowledged version (a
  write in flight at the kill may or may not have landed, but nothing acknowledged may be missing);
- no answer before the kill was an error: under concurrent writes the server answers 2xx or not at all.

It runs on SQLite, and on PostgreSQL on a throwaway server of its own (the application server is killed, not
the database). A killed process proves that nothing acknowledged lived only in the server's memory; it cannot
prove that the disk flushed (that takes a power cut), which is what the store's synchronous=FULL and its refusal
of a PostgreSQL server without fsync are for. scripts/check runs it; it exits 1 with the reason on any failure.
"""

import re
import sys
import threading
import time

from accord_server import CheckFailed, Client, Server, WORK, accord, add_account, backends, main

WRITERS = 4
# The kill comes once this many writes are acknowledged and at least this long after the first one.
ACKNOWLEDGED_BEFORE_KILL = 60
SECONDS_BEFORE_KILL = 1.5
# Nothing acknowledged in this long fails the check (a server that takes no write proves nothing).
PATIENCE = 60


def editorial(reason="crash check"):
    return {"editorial": reason}


def activity(number, title):
    return {"number": number, "kind": "activity", "parent": "MPM", "title": {"authoritative": "en", "en": title},
            "leads": [], "status": "proposed"}


class Writers:
    """The concurrent clients, and what the server acknowledged to each."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.lock = threading.Lock()
        self.acknowledged = []  # (sequence, hash, what)
        self.added = set()  # activity numbers whose addition was acknowledged
        self.last_version = {}  # amended activity → last acknowledged version
        self.attempted_version = {}  # amended activity → last version sent
        self.errors = []
        self.in_flight_at_kill = 0
        self.killed = threading.Event()
        self.first_acknowledged = None

    def count(self):
        with self.lock:
            return len(self.acknowledged)

    def run(self, writer):
        client = Client(self.port, self.token, timeout=20)
        amending = writer % 2 == 1
        own = f"MPM-{90 + writer}"
        version = 0
        # Each client writes until its connection fails, which only the kill may cause.
        while True:
            version += 1
            if amending:
                path, method = f"/api/v1/items/{own}", "PATCH"
                body = {"authority": editorial(), "amendment": {"title": {"authoritative": "en",
                                                                          "en": f"{own} version {version}"}}}
                with self.lock:
                    self.attempted_version[own] = version
            else:
                number = f"MPM-{writer + 1}.{version}"
                path, method = "/api/v1/items", "POST"
                body = {"authority": editorial(), "item": activity(number, f"Activity {number}")}
            sent_before_kill = not self.killed.is_set()
            try:
                status, answer = client.request(method, path, body)
            except OSError as error:
                if self.killed.is_set():
                    with self.lock:
                        self.in_flight_at_kill += sent_before_kill
                    return
                with self.lock:
                    self.errors.append(f"writer {writer}: {error} before the kill")
                return
            if status not in (200, 201):
                with self.lock:
                    self.errors.append(f"writer {writer}: {method} {path} answered {status}: {answer!r:.300}")
                return
            entry = answer["entry"]
            with self.lock:
                self.acknowledged.append((entry["sequence"], entry["hash"], f"{method} {path}"))
                self.first_acknowledged = self.first_acknowledged or time.monotonic()
                if amending:
                    self.last_version[own] = version
                else:
                    self.added.add(number)


def crash(label, database_url):
    log = WORK / f"{label}-serve.log"
    token = add_account(database_url, "ts.crash", "secretariat")
    server = Server(database_url, log)
    try:
        setup = Client(server.port, token)
        line = {"number": "MPM", "kind": "line-of-action", "title": {"authoritative": "en", "en": "Line"},
                "leads": [], "status": "proposed"}
        for item in [line] + [activity(f"MPM-{90 + writer}", "version 0") for writer in range(1, WRITERS, 2)]:
            status, answer = setup.request("POST", "/api/v1/items", {"authority": editorial(), "item": item})
            if status != 201:
                raise CheckFailed(f"setting up: POST /api/v1/items answered {status}: {answer!r:.300}")
        setup.close()

        writers = Writers(server.port, token)
        threads = [threading.Thread(target=writers.run, args=(writer,), daemon=True) for writer in range(WRITERS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + PATIENCE
        while True:
            time.sleep(0.02)
            first = writers.first_acknowledged
            if writers.errors or not any(thread.is_alive() for thread in threads):
                break
            if first and writers.count() >= ACKNOWLEDGED_BEFORE_KILL and time.monotonic() - first >= SECONDS_BEFORE_KILL:
                break
            if time.monotonic() > deadline:
                raise CheckFailed(f"only {writers.count()} writes acknowledged in {PATIENCE} s:\n{server.log_tail()}")
        writers.killed.set()
        server.kill()
    except BaseException:
        server.stop()
        raise
    for thread in threads:
        thread.join(timeout=30)
    if writers.errors:
        raise CheckFailed("; ".join(writers.errors[:5]) + f"\nserver log:\n{server.log_tail()}")
    acknowledged = writers.acknowledged

    report = accord("verify", "--database-url", database_url)
    entries = int(re.match(r"OK: (\d+)", report).group(1))

    server = Server(database_url, log)
    try:
        reader = Client(server.port, token)
        for sequence, hash_, what in acknowledged:
            status, stored = reader.request("GET", f"/api/v1/ledger/{sequence}")
            if status != 200 or stored.get("hash") != hash_:
                raise CheckFailed(f"{what} was acknowledged as entry {sequence} ({hash_[:12]}…) but after the restart "
                                  f"that entry is {status} {str(stored)[:200]}")
        status, listing = reader.request("GET", "/api/v1/items")
        if status != 200:
            raise CheckFailed(f"GET /api/v1/items after the restart answered {status}: {str(listing)[:300]}")
        items = {item["number"]: item for item in listing["items"]}
        missing = sorted(writers.added - items.keys())
        if missing:
            raise CheckFailed(f"acknowledged activities missing after the restart: {missing[:5]}")
        for number, version in writers.last_version.items():
            title = items[number]["title"]["en"]
            stored_version = int(title.rsplit(" ", 1)[1])
            if not version <= stored_version <= writers.attempted_version[number]:
                raise CheckFailed(f"{number} reads '{title}' after the restart; version {version} was acknowledged "
                                  f"and {writers.attempted_version[number]} the last sent")
        reader.close()
    finally:
        server.stop()
    print(f"ok: {label}: {len(acknowledged)} writes from {WRITERS} clients acknowledged before SIGKILL "
          f"({writers.in_flight_at_kill} in flight at the kill); after it, verify passes on {entries} entries and "
          f"every acknowledged write is found after a restart", flush=True)


def check():
    names = sys.argv[1:] or ["sqlite", "postgres"]
    for label, database in backends(names):
        started = time.monotonic()
        with database("crash") as url:
            crash(label, url)
        print(f"   ({label}: {time.monotonic() - started:.1f} s)", flush=True)


if __name__ == "__main__":
    main(check)
