"""Find the sitemap XML schema and xmllint, or say why a test cannot run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
HERE = Path(__file__).parent / "schemas"
CANDIDATES = [
    os.environ.get("GAZETTE_SITEMAP_XSD", ""),
    str(REPO / ".audit" / "schema-tools" / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"),
    str(REPO / ".audit" / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"),
]


def sitemap_xsd() -> Path:
    for candidate in CANDIDATES:
        if candidate and Path(candidate).exists():
            return Path(candidate)
    pytest.skip(
        "the sitemap XML schema is not installed: run `make test-tools` (npm `sitemap` "
        "into .audit/schema-tools/) or set GAZETTE_SITEMAP_XSD"
    )


def xmllint() -> str:
    found = shutil.which("xmllint")
    if not found:
        pytest.skip("xmllint is missing: apt-get install libxml2-utils")
    return found


def validate(content: bytes, schema: Path, tmp_path: Path) -> None:
    """Validate XML against a schema with xmllint, failing with its messages."""
    document = tmp_path / "document.xml"
    document.write_bytes(content)
    result = subprocess.run(
        [xmllint(), "--nonet", "--noout", "--schema", str(schema), str(document)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + content.decode()[:2000]


def urlset_schema(tmp_path: Path) -> Path:
    """A schema for urlsets whose entries may carry <news:news> and <xhtml:link> alternates."""
    text = (HERE / "urlset.xsd.in").read_text()
    for marker, schema in (
        ("@SITEMAP_XSD@", sitemap_xsd()),
        ("@NEWS_XSD@", HERE / "news.xsd"),
        ("@XHTML_LINK_XSD@", HERE / "xhtml-link.xsd"),
    ):
        text = text.replace(marker, schema.as_uri())
    path = tmp_path / "urlset.xsd"
    path.write_text(text)
    return path


SITEINDEX_XSD = HERE / "siteindex.xsd"
