"""Fixtures for the import tests: source files and a wp-content/uploads folder."""

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

FIXTURES = Path(__file__).parent / "fixtures"


def jpeg_bytes(colour="#225588", size=(120, 80)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def wxr_file(tmp_path) -> Path:
    target = tmp_path / "theme-unit-test.wxr"
    shutil.copy(FIXTURES / "theme-unit-test.wxr", target)
    return target


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A wp-content/uploads folder holding one of the fixture's two attachments."""
    folder = tmp_path / "site" / "wp-content" / "uploads" / "2024" / "03"
    folder.mkdir(parents=True)
    (folder / "harbour.jpg").write_bytes(jpeg_bytes())
    return tmp_path / "site" / "wp-content" / "uploads"


@pytest.fixture
def uploads_zip(tmp_path) -> Path:
    target = tmp_path / "uploads.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("wp-content/uploads/2024/03/harbour.jpg", jpeg_bytes())
        archive.writestr("../../evil.jpg", jpeg_bytes())
    return target
