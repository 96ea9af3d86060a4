"""The Atom feed of indicator updates and the CSVW metadata, checked by tools outside PlanSite.

PLANSITE_UPDATES_SITE names a build of Tests/Fixtures/sites/updates-site (`make feeds` makes
it). The feed is validated with jing against RFC 4287's RELAX NG schema (Appendix B,
Tests/Fixtures/schemas/atom.rnc); each CSV's metadata is read beside its CSV and validated with
check-jsonschema against Tests/Fixtures/schemas/csvw-table.schema.json, written from the W3C's
"Metadata Vocabulary for Tabular Data" (the W3C publishes no JSON Schema of its own).
"""
import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "Tests/Fixtures/schemas/atom.rnc"
CSVW_SCHEMA = ROOT / "Tests/Fixtures/schemas/csvw-table.schema.json"
SITE = Path(os.environ.get("PLANSITE_UPDATES_SITE", ROOT / ".build/updates-site"))


def jing(path: Path) -> subprocess.CompletedProcess:
    if shutil.which("jing") is None:
        pytest.fail("jing is not installed: run scripts/install-test-deps.sh")
    return subprocess.run(["jing", "-c", str(SCHEMA), str(path)], capture_output=True, text=True)


def test_feed_validates_against_rfc_4287():
    feed = SITE / "updates.xml"
    assert feed.is_file(), f"{feed} was not built (make feeds builds it)"
    result = jing(feed)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_rejects_a_feed_without_an_id(tmp_path):
    # The check bites: the same feed without its <id> is not Atom.
    text = (SITE / "updates.xml").read_text(encoding="utf-8")
    start = text.index("  <id>")
    broken = text[:start] + text[text.index("\n", start) + 1:]
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    assert jing(path).returncode != 0


def test_csvw_metadata_describes_the_csv_beside_it():
    metadata_files = sorted((SITE / "data").glob("*.csv-metadata.json"))
    assert metadata_files, "no CSVW metadata was built"
    for path in metadata_files:
        metadata = json.loads(path.read_text(encoding="utf-8"))
        assert metadata["@context"] == "http://www.w3.org/ns/csvw"
        table = path.parent / metadata["url"]
        assert table.is_file(), f"{path.name}: url {metadata['url']} names no file beside it"
        with table.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        columns = metadata["tableSchema"]["columns"]
        assert [c["name"] for c in columns] == header
        assert [c["titles"] for c in columns] == header
        assert {c["datatype"] for c in columns} <= {"string", "decimal", "integer", "date"}


def check_jsonschema(*paths: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "check-jsonschema"
    if not tool.is_file():
        pytest.fail("check-jsonschema is not installed: run scripts/install-test-deps.sh")
    return subprocess.run([str(tool), "--schemafile", str(CSVW_SCHEMA), *map(str, paths)], capture_output=True, text=True)


def test_csvw_metadata_validates_against_the_csvw_table_schema():
    metadata_files = sorted((SITE / "data").glob("*.csv-metadata.json"))
    assert metadata_files, "no CSVW metadata was built"
    result = check_jsonschema(*metadata_files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name, break_it", [
    ("a column name starting with _", lambda m: m["tableSchema"]["columns"][0].update(name="_value")),
    ("a datatype CSVW does not define", lambda m: m["tableSchema"]["columns"][0].update(datatype="decimals")),
    ("a property CSVW does not define", lambda m: m.update(licence="OGL")),
    ("no url", lambda m: m.pop("url")),
])
def test_the_csvw_schema_rejects(tmp_path, name, break_it):
    # The check bites: each of these breaks a rule of the W3C's metadata vocabulary.
    path = sorted((SITE / "data").glob("*.csv-metadata.json"))[0]
    metadata = json.loads(path.read_text(encoding="utf-8"))
    break_it(metadata)
    broken = tmp_path / "broken.csv-metadata.json"
    broken.write_text(json.dumps(metadata), encoding="utf-8")
    assert check_jsonschema(broken).returncode != 0, name
