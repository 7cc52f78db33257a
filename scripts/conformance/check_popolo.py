"""Validates Accord's Popolo export against the popolo-spec JSON schemas, resolved from local files.

The export is one JSON document with `organizations`, `memberships`, `motions` and `vote_events`; each
object is validated against its schema (draft-03), whose `$ref`s to http://www.popoloproject.com/schemas/
are resolved to the files in SCHEMA_DIR, never over the network. References between objects must resolve
too: a membership's organization, a vote event's motion, a vote's voter.

Usage: check_popolo.py DIR_OR_FILE SCHEMA_DIR
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

BASE = "http://www.popoloproject.com/schemas/"
KINDS = {"organizations": "organization", "memberships": "membership", "motions": "motion", "vote_events": "vote_event"}


def registry(folder):
    resources = []
    for file in Path(folder).glob("*.json"):
        contents = json.loads(file.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents, default_specification=DRAFT3)
        resources.append((f"{BASE}{file.name}", resource))
        resources.append((f"{BASE}{file.name}#", resource))
    return Registry().with_resources(resources)


def main(target, schema_folder):
    path = Path(target)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        sys.exit(f"FAIL: no Popolo JSON in {target}")
    store = registry(schema_folder)
    validators = {}
    for kind in KINDS.values():
        schema = json.loads((Path(schema_folder) / f"{kind}.json").read_text(encoding="utf-8"))
        validators[kind] = Draft3Validator(schema, registry=store)
    for file in files:
        document = json.loads(file.read_text(encoding="utf-8"))
        total = 0
        for key, kind in KINDS.items():
            objects = document.get(key)
            if not isinstance(objects, list) or (key != "vote_events" and not objects):
                sys.exit(f"FAIL: {file.name} has no {key}")
            for index, value in enumerate(objects):
                errors = sorted(validators[kind].iter_errors(value), key=lambda e: list(e.path))
                if errors:
                    sys.exit(f"FAIL: {file.name} {key}[{index}] ({value.get('id')}): {errors[0].message}")
                total += 1
        organizations = {o["id"] for o in document["organizations"]}
        motions = {m["id"] for m in document["motions"]}
        for membership in document["memberships"]:
            if membership["organization_id"] not in organizations or membership["member"]["id"] not in organizations:
                sys.exit(f"FAIL: membership {membership['id']} refers to an unknown organization")
        for event in document["vote_events"]:
            if event["motion_id"] not in motions:
                sys.exit(f"FAIL: vote event {event['id']} refers to unknown motion {event['motion_id']}")
            for vote in event["votes"]:
                if vote["voter_id"] not in organizations:
                    sys.exit(f"FAIL: a vote in {event['id']} is by unknown voter {vote['voter_id']}")
        print(f"ok: {file.name}: {total} objects valid against the popolo-spec schemas; references resolve")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
