"""Find the files of imported images in a wp-content/uploads folder or an archive of it."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from gazette.transfer.sources.base import SourceError

MAX_IMAGE_BYTES = 40 * 1024 * 1024


class MediaSource:
    """Look up an upload by its path under uploads/ (or, failing that, its file name)."""

    def __init__(self, location: str = "") -> None:
        self.location = location
        self.zip: zipfile.ZipFile | None = None
        self.by_path: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        if not location:
            return
        if zipfile.is_zipfile(location):
            try:
                self.zip = zipfile.ZipFile(location)
            except (zipfile.BadZipFile, OSError) as exc:
                raise SourceError(_("The media archive cannot be read: %(e)s") % {"e": exc})
            names = [info.filename for info in self.zip.infolist() if not info.is_dir()]
        elif os.path.isdir(location):
            root = Path(location)
            names = [str(p.relative_to(root)).replace(os.sep, "/") for p in root.rglob("*")]
        else:
            raise SourceError(
                _(
                    "The media location %(path)s is neither a folder nor a zip archive. Give "
                    "the wp-content/uploads folder, or a zip of it."
                )
                % {"path": location}
            )
        for name in names:
            key = _after_uploads(name)
            self.by_path.setdefault(key, name)
            self.by_name.setdefault(PurePosixPath(name).name, name)

    @property
    def available(self) -> bool:
        return bool(self.location)

    def read(self, path: str) -> bytes | None:
        """Return the file's bytes, or None when it is not there (or is unreasonably big)."""
        path = path.lstrip("/")
        name = self.by_path.get(_after_uploads(path)) or self.by_name.get(PurePosixPath(path).name)
        if not name:
            return None
        if self.zip is not None:
            info = self.zip.getinfo(name)
            if info.file_size > MAX_IMAGE_BYTES:
                return None
            return self.zip.read(info)  # read in memory: no path ever leaves the archive
        full = Path(self.location) / name
        if not full.is_file() or full.stat().st_size > MAX_IMAGE_BYTES:
            return None
        return full.read_bytes()


def _after_uploads(name: str) -> str:
    marker = "uploads/"
    index = name.rfind(marker)
    return name[index + len(marker) :] if index >= 0 else name
