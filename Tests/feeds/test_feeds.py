"""The Atom feed of indicator updates and the CSVW metadata, checked by tools outside PlanSite.

PLANSITE_UPDATES_SITE names a build of Tests/Fixtures/sites/updates-site (`make feeds` makes
it). The feed is validated with jing against RFC 4287's RELAX NG schema (Appendix B,
Tests/Fixtures/schemas/atom.rnc); each CSV's metadata is read beside its CSV.
"""
import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "Tests/Fixtures/schemas/atom.rnc"
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
