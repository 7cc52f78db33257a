"""A short load run with 0 errors (issue 16.6).

`accord serve` on the demo, on SQLite and on PostgreSQL (a throwaway server of its own), with a Secretariat and a
delegate account. Several
clients on loopback, each on its own keep-alive connection, send a fixed mix of reads and writes — the public's
plan, items, pages and search, the Secretariat's ledger, a delegate's proposals; the Secretariat's editorial
amendments and new proposed activities; and requests that must be refused (the ledger read anonymously, an
unknown item, an editorial change by a delegate — which the rules refuse, 409 —, a write with no account). The run is bounded in count
(REQUESTS) and in time (SECONDS).

It fails on any error: a connection error, a 5xx, or any status other than the one each request expects (so a
refusal that turns into a success fails too). Afterwards the ledger has grown by exactly the writes that were
acknowledged, and `accord verify` passes. It prints requests per second and the p50 and p95 latency.
"""

import random
import re
import statistics
import sys
import threading
import time

from accord_server import CheckFailed, Client, Server, WORK, accord, add_account, backends, main

CLIENTS = 8
REQUESTS = 2000
SECONDS = 120


def text(value):
    return {"authoritative": "en", "en": value}


class Run:
    """What the clients share: the request budget, the answers' latencies, and the errors."""

    def __init__(self, port, tokens, approved):
        self.port, self.tokens, self.approved = port, tokens, approved
        self.lock = threading.Lock()
        self.remaining = REQUESTS
        self.deadline = time.monotonic() + SECONDS
        self.latencies = []
        self.errors = []
        self.writes = 0
        self.counts = {}
        self.next_number = 0

    def take(self):
        with self.lock:
            if self.remaining == 0 or time.monotonic() > self.deadline or self.errors:
                return False
            self.remaining -= 1
            return True

    def number(self):
        with self.lock:
            self.next_number += 1
            return f"LOAD-{100 + self.next_number}"

    def requests(self, client, chance):
        """The mix, as (weight, name, method, path, body, token, expected status)."""
        secretariat, delegate = self.tokens["secretariat"], self.tokens["delegate"]
        item = chance.choice(self.approved)
        own = f"LOAD-{client + 1}"
        amendment = {"authority": {"editorial": "load check"}, "amendment": {"title": text(f"{own} {time.time()}")}}
        new = {"authority": {"editorial": "load check"},
               "item": {"number": self.number(), "kind": "activity", "parent": "LOAD", "title": text("New activity"),
                        "leads": [], "status": "proposed"}}
        return [
            (6, "plan", "GET", "/api/v1/plan", None, "", 200),
            (6, "item", "GET", f"/api/v1/items/{item}", None, "", 200),
            (4, "plan page", "GET", "/en/plan", None, "", 200),
            (2, "item page", "GET", f"/en/items/{item}", None, "", 200),
            (2, "meetings", "GET", "/api/v1/meetings", None, "", 200),
            (2, "search page", "GET", "/en/search?q=migra", None, "", 200),
            (2, "ledger", "GET", "/api/v1/ledger?limit=20", None, secretariat, 200),
            (2, "proposals", "GET", "/api/v1/proposals", None, delegate, 200),
            (1, "ledger, anonymous", "GET", "/api/v1/ledger", None, "", 401),
            (1, "unknown item", "GET", "/api/v1/items/NOPE-1", None, "", 404),
            (3, "amendment", "PATCH", f"/api/v1/items/{own}", amendment, secretariat, 200),
            (1, "new activity", "POST", "/api/v1/items", new, secretariat, 201),
            (1, "editorial by a delegate", "PATCH", f"/api/v1/items/{own}", amendment, delegate, 409),
            (1, "write with no account", "POST", "/api/v1/items", new, "", 401),
        ]

    def client(self, index):
        # Each client's own generator: the same mix on every run.
        chance = random.Random(index)
        client = Client(self.port)
        while self.take():
            choices = self.requests(index, chance)
            weight, name, method, path, body, token, expected = chance.choices(
                choices, weights=[choice[0] for choice in choices])[0]
            started = time.perf_counter()
            try:
                status, answer = client.request(method, path, body, token=token)
            except OSError as error:
                with self.lock:
                    self.errors.append(f"{name}: {error}")
                return
            elapsed = time.perf_counter() - started
            with self.lock:
                self.latencies.append(elapsed)
                self.counts[name] = self.counts.get(name, 0) + 1
                if status != expected:
                    self.errors.append(f"{name}: {method} {path} answered {status} (expected {expected}): "
                                       f"{str(answer)[:300]}")
                elif method != "GET":
                    self.writes += 200 <= status < 300
        client.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def check():
    for label, database in backends(sys.argv[1:] or ["sqlite", "postgres"]):
        with database("load") as url:
            load(label, url)


def load(label, database_url):
    accord("demo", "--database-url", database_url)
    tokens = {
        "secretariat": add_account(database_url, "ts.load", "secretariat"),
        "delegate": add_account(database_url, "mex.load", "delegate", participant="MEX"),
    }
    server = Server(database_url, WORK / f"load-{label}-serve.log")
    try:
        setup = Client(server.port, tokens["secretariat"])
        status, listing = setup.request("GET", "/api/v1/items")
        approved = [item["number"] for item in listing["items"] if item["status"] == "approved"]
        line = {"number": "LOAD", "kind": "line-of-action", "title": text("Load check"), "leads": [],
                "status": "proposed"}
        activities = [{"number": f"LOAD-{client + 1}", "kind": "activity", "parent": "LOAD",
                       "title": text("An activity amended under load"), "leads": [], "status": "proposed"}
                      for client in range(CLIENTS)]
        for item in [line] + activities:
            status, answer = setup.request("POST", "/api/v1/items", {"authority": {"editorial": "load"}, "item": item})
            if status != 201:
                raise CheckFailed(f"setting up: POST /api/v1/items answered {status}: {str(answer)[:300]}")
        _, ledger = setup.request("GET", "/api/v1/ledger?limit=1")
        before = ledger["head"]["sequence"]
        setup.close()

        run = Run(server.port, tokens, approved)
        threads = [threading.Thread(target=run.client, args=(index,), daemon=True) for index in range(CLIENTS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
        elapsed = time.monotonic() - started
        if run.errors:
            raise CheckFailed(f"{len(run.errors)} errors under load, the first: " + "; ".join(run.errors[:3])
                              + f"\nserver log:\n{server.log_tail()}")
        _, ledger = Client(server.port, tokens["secretariat"]).request("GET", "/api/v1/ledger?limit=1")
        after = ledger["head"]["sequence"]
    finally:
        server.stop()
    if after - before != run.writes:
        raise CheckFailed(f"{run.writes} writes were acknowledged but the ledger grew by {after - before}")
    report = accord("verify", "--database-url", database_url)
    entries = int(re.match(r"OK: (\d+)", report).group(1))
    done = len(run.latencies)
    if done < REQUESTS:
        print(f"note: the time bound ({SECONDS} s) stopped the run after {done} of {REQUESTS} requests")
    mix = ", ".join(f"{name} {count}" for name, count in sorted(run.counts.items(), key=lambda pair: -pair[1]))
    print(f"ok: load on {label}: {done} requests from {CLIENTS} clients in {elapsed:.1f} s, 0 errors: "
          f"{done / elapsed:.0f} requests/s, p50 {1000 * statistics.median(run.latencies):.1f} ms, "
          f"p95 {1000 * percentile(run.latencies, 0.95):.1f} ms; {run.writes} writes acknowledged, all in the "
          f"ledger, verify passes on {entries} entries\n   ({mix})", flush=True)


if __name__ == "__main__":
    main(check)
