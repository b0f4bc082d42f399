"""Each discovery test gets its own buffer directory and a fresh process-wide buffer."""

import pytest

from gazette.discovery.buffer import reset_view_buffer


@pytest.fixture(autouse=True)
def discovery_dir(settings, tmp_path):
    settings.GAZETTE_DISCOVERY_DIR = tmp_path / "discovery"
    settings.REDIS_URL = ""
    reset_view_buffer()
    yield settings.GAZETTE_DISCOVERY_DIR
    reset_view_buffer()
