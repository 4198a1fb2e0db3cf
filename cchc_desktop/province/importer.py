"""Importing bundles into the province database: check every file, keep the newest revision.

``import_paths`` takes files and folders (walked recursively for ``*.json``,
hidden files and folders left out: a USB stick from a Mac carries ``._x.json``
shadows). Each file is read once and verified in full first (``parse_bundle``: size,
UTF-8, JSON, format, checksum, catalogue, every figure), then its unit code is
checked against the official list; a file that fails is *rejected* with its
name and the reason and writes nothing. A file whose exact bytes were imported
before (the same USB stick brought again) is recognised by their hash and
skipped without being parsed again.

Each file is also kept with where it came from (``USB-A/bao-cao/x.cchc.json``:
its path from what was imported, that folder's name first): when two files of
the same name are mentioned together — the same report from two sticks, say —
the messages name them by that path, not by the name alone.

All the good files of one call go in **one transaction**: after an import
either every good file is in the database or — power cut, disk full, the
officer pressed "Hủy" — none is, and the file is as it was before. (One
transaction per file would cost one disk flush per file, ten times the time of
the whole import of a province.)

For each unit and period the newest revision counts:

- a bundle already received (same SHA-256) is *skipped* as identical;
- an older revision than the one kept is *skipped*, saying which one is kept;
- a newer revision becomes the current one (the older stays in the file);
- a different bundle with the *same* revision is a *conflict*: it is stored,
  the first one received stays current, and the conflict is listed until the
  officer chooses (:func:`resolve_conflict`) or a newer revision arrives.
"""

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from cchc_desktop.bundle import Bundle, BundleError, parse_bundle
from cchc_desktop.bundle.reading import read_bundle_bytes
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.checks.kinds import Kinds
from cchc_desktop.os_words import storage_error_words
from cchc_desktop.province.database import ProvinceDatabase, transaction
from cchc_desktop.province.words import shown_names, unit_period_words
from cchc_desktop.status import status_word
from cchc_desktop.vnformat import plain_decimal

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class ImportCancelled(Exception):
    """The officer cancelled: the transaction was rolled back, nothing was imported."""


class ImportFailed(Exception):
    """The database refused the batch (disk full, file locked…): nothing was imported."""


class Outcome(StrEnum):
    IMPORTED = "imported"
    SKIPPED = "skipped"
    REJECTED = "rejected"
    CONFLICT = "conflict"


OUTCOME_WORDS = {
    Outcome.IMPORTED: "Đã nhập",
    Outcome.SKIPPED: "Bỏ qua",
    Outcome.REJECTED: "Từ chối",
    Outcome.CONFLICT: "Xung đột",
}


@dataclass(frozen=True)
class FileResult:
    """What became of one file; ``message`` is a Vietnamese sentence naming the file."""

    path: Path
    outcome: Outcome
    message: str
    unit_code: str | None = None
    period: str | None = None
    revision: int | None = None
    province_code: str | None = None


@dataclass
class ImportResult:
    files: list[FileResult] = field(default_factory=list)
    # Conflicts still open after the import among the units and periods its files are of,
    # those from before included: a file brought again does not settle them.
    open_conflicts: int = 0

    def _of(self, outcome: Outcome) -> list[FileResult]:
        return [f for f in self.files if f.outcome == outcome]

    @property
    def imported(self) -> list[FileResult]:
        return self._of(Outcome.IMPORTED)

    @property
    def skipped(self) -> list[FileResult]:
        return self._of(Outcome.SKIPPED)

    @property
    def rejected(self) -> list[FileResult]:
        return self._of(Outcome.REJECTED)

    @property
    def conflicts(self) -> list[FileResult]:
        return self._of(Outcome.CONFLICT)

    def counts_text(self) -> str:
        """``Đã nhập 3 tệp, bỏ qua 1, từ chối 2, xung đột 0.``, and the conflicts left open
        among the units imported (``…; còn 1 xung đột chưa giải quyết.``) when there are
        others than the ones this import found."""
        text = (
            f"Đã nhập {len(self.imported)} tệp, bỏ qua {len(self.skipped)}, "
            f"từ chối {len(self.rejected)}, xung đột {len(self.conflicts)}"
        )
        if self.open_conflicts and self.open_conflicts != len(self.conflicts):
            text += (
                f"; còn {self.open_conflicts} xung đột chưa giải quyết của các đơn vị "
                "trong lần nhập này (mục «Xung đột»)"
            )
        return text + "."


# -- finding the files -----------------------------------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[Path]:
    """``*.json`` under ``folder``, hidden entries left out, symbolic links to folders not
    followed (no loops), in a stable order."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(names):
            if not _hidden(name) and name.lower().endswith(".json"):
                yield Path(root) / name


def source_of(file: Path, imported: Path) -> str:
    """Where ``file`` came from, as the messages name it: its path from ``imported`` (a
    folder, or the file itself) with that folder's name first — ``USB-A/bao-cao/x.json``,
    or ``USB-A/x.json`` for a file chosen alone."""
    base = imported if imported != file else file.parent
    try:
        relative = file.relative_to(base)
    except ValueError:
        return file.as_posix()
    return (Path(base.name) / relative).as_posix() if base.name else relative.as_posix()


def _collect(
    paths: Iterable[Path | str],
) -> tuple[list[Path], list[FileResult], dict[Path, str]]:
    sources: dict[Path, str] = {}
    files: list[Path] = []
    seen: set[Path] = set()
    missing: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterable[Path] = _walk(path)
        elif path.exists():
            found = [path]
        else:
            missing.append(
                FileResult(
                    path,
                    Outcome.REJECTED,
                    f"Tệp «{path.name}»: không tìm thấy tệp hay thư mục này ({path}).",
                )
            )
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
                sources[file] = source_of(file, path)
    return files, missing, sources


# -- checking one bundle ---------------------------------------------------------------


@cache
def _official_provinces() -> dict[str, str]:
    """Commune code → province code, for the 3,321 official communes."""
    from cchc_desktop.units import communes

    return {u.code: u.province_code for u in communes()}


def _check_unit(bundle: Bundle) -> str | None:
    """Why the bundle's unit is not an official commune of its province, or ``None``."""
    province = _official_provinces().get(bundle.unit_code)
    if province is None:
        return (
            f"mã đơn vị {bundle.unit_code} («{bundle.unit_name[:80]}») không có trong danh "
            "sách xã, phường chính thức."
        )
    if province != bundle.province_code:
        return (
            f"mã tỉnh {bundle.province_code} không đúng: theo danh sách chính thức, "
            f"{bundle.unit_name[:80]} ({bundle.unit_code}) thuộc tỉnh có mã {province}."
        )
    return None


def values_json(values: dict[str, int | Decimal]) -> str:
    """Counts as JSON integers, the rest as decimal strings (no float on the way)."""
    plain = {
        key: value if isinstance(value, int) else plain_decimal(value)
        for key, value in sorted(values.items())
    }
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))


# -- writing -----------------------------------------------------------------------------


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


_INSERT = """
INSERT INTO bundles (
    sha256, unit_code, unit_name, province_code, period, period_title, window_from,
    window_to, revision, status, catalogue_id, catalogue_version, app_version, created_at,
    file_name, imported_at, errors, warnings, values_json, document, file_sha256, file_path
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


_OPEN_CONFLICT = (
    "; xung đột lần gửi {revision} của đơn vị này chưa được giải quyết: hãy chọn bản "
    "đúng ở mục «Xung đột»"
)


def _identical_words(
    this: tuple[str, str],
    revision: int,
    words: str,
    same: tuple[str, str],
    bundle_id: int,
    current: Any,
    open_revision: int | None,
) -> str:
    using = current is not None and current[0] != bundle_id
    named = shown_names(this, same, *([(current[2], current[4])] if using else []))
    tail = f"; đang dùng lần gửi {current[1]} (tệp «{named[2]}»)" if using else ""
    if open_revision is not None:
        tail += _OPEN_CONFLICT.format(revision=open_revision)
    return (
        f"Tệp «{named[0]}»: trùng hoàn toàn với lần gửi {revision} của {words} đã nhập "
        f"trước đây (tệp «{named[1]}»){tail}, bỏ qua."
    )


def _conflict_words(
    this: tuple[str, str], words: str, revision: int, kept: tuple[str, str], kept_at: str
) -> str:
    """The bundle kept is named by its file, by where it came from (a file of the same
    name from elsewhere) or by when it was imported (the same name and source), in local
    time as :meth:`BundleRef.describe` says it."""
    named = shown_names(this, kept)
    if named[0] == named[1]:
        when = dt.datetime.fromisoformat(kept_at).astimezone()
        which = f"— bản này khác với bản cùng lần gửi {revision} đã nhập lúc {when:%d/%m/%Y %H:%M}"
    else:
        which = f"đã có lần gửi {revision} với nội dung khác (tệp «{named[1]}»)"
    return (
        f"Tệp «{named[0]}»: {words} {which}. Hai bản khác nhau cùng một số lần gửi: đang "
        "giữ bản nhập trước; hãy hỏi lại xã và chọn bản đúng ở mục «Xung đột»."
    )


def _about(bundle: Bundle, path: Path, outcome: Outcome, message: str) -> FileResult:
    return FileResult(
        path,
        outcome,
        message,
        bundle.unit_code,
        bundle.period,
        bundle.revision,
        bundle.province_code,
    )


class _Writer:
    """The database side of one import batch (inside its transaction)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        imported_at: str,
        kinds: Kinds,
        sources: dict[Path, str] | None = None,
    ) -> None:
        self.conn = conn
        self.imported_at = imported_at
        self.kinds = kinds
        self.sources = sources or {}

    def source(self, path: Path) -> str:
        return self.sources.get(path) or path.name

    def this(self, path: Path) -> tuple[str, str]:
        """The file being imported as :func:`shown_names` takes it."""
        return path.name, self.source(path)

    def open_conflict(self, unit_code: str, period: str) -> int | None:
        """The revision of an open conflict of this unit and period, or ``None``."""
        row = self.conn.execute(
            "SELECT revision FROM conflicts WHERE unit_code = ? AND period = ? "
            "AND resolved_at IS NULL ORDER BY revision DESC LIMIT 1",
            (unit_code, period),
        ).fetchone()
        return None if row is None else int(row[0])

    def insert(self, bundle: Bundle, path: Path, data: bytes) -> int:
        counts = bundle.counts(self.kinds)  # as the clerk's start screen counts them
        cursor = self.conn.execute(
            _INSERT,
            (
                bundle.sha256,
                bundle.unit_code,
                bundle.unit_name,
                bundle.province_code,
                bundle.period,
                bundle.period_title,
                bundle.window_from.isoformat() if bundle.window_from else None,
                bundle.window_to.isoformat() if bundle.window_to else None,
                bundle.revision,
                str(bundle.status),
                bundle.catalogue_id,
                bundle.catalogue_version,
                bundle.app_version,
                _stamp(bundle.created_at),
                path.name,
                self.imported_at,
                counts.errors,
                counts.warnings,
                values_json(bundle.values),
                data,
                hashlib.sha256(data).hexdigest(),
                self.source(path),
            ),
        )
        return int(cursor.lastrowid or 0)

    def _current(self, unit_code: str, period: str) -> Any:
        return self.conn.execute(
            "SELECT b.id, b.revision, b.file_name, b.imported_at, b.file_path "
            "FROM current c JOIN bundles b "
            "ON b.id = c.bundle_id WHERE c.unit_code = ? AND c.period = ?",
            (unit_code, period),
        ).fetchone()

    def already_here(self, path: Path, data: bytes) -> FileResult | None:
        """The skip of a file whose very bytes were imported before (not parsed again)."""
        same = self.conn.execute(
            "SELECT id, revision, file_name, unit_code, unit_name, period, period_title, "
            "province_code, file_path FROM bundles WHERE file_sha256 = ?",
            (hashlib.sha256(data).hexdigest(),),
        ).fetchone()
        if same is None:
            return None
        bundle_id, revision, file_name, unit_code, unit_name, period, title, province = same[:8]
        current = self._current(unit_code, period)
        words = unit_period_words(unit_name, unit_code, title)
        open_revision = self.open_conflict(unit_code, period)
        return FileResult(
            path,
            Outcome.SKIPPED,
            _identical_words(
                self.this(path),
                revision,
                words,
                (file_name, same[8]),
                bundle_id,
                current,
                open_revision,
            ),
            unit_code,
            period,
            revision,
            province,
        )

    def place(self, bundle: Bundle, path: Path, data: bytes) -> FileResult:
        """Store ``bundle`` as its unit and period's current one, or say why not."""
        words = unit_period_words(bundle.unit_name, bundle.unit_code, bundle.period_title)
        current = self._current(bundle.unit_code, bundle.period)
        same = self.conn.execute(
            "SELECT id, revision, file_name, file_path FROM bundles WHERE sha256 = ?",
            (bundle.sha256,),
        ).fetchone()
        if same is not None:
            message = _identical_words(
                self.this(path),
                same[1],
                words,
                (same[2], same[3]),
                same[0],
                current,
                self.open_conflict(bundle.unit_code, bundle.period),
            )
            return _about(bundle, path, Outcome.SKIPPED, message)
        status = status_word(bundle.status).lower()
        if current is None:
            bundle_id = self.insert(bundle, path, data)
            self.conn.execute(
                "INSERT INTO current (unit_code, period, province_code, bundle_id) "
                "VALUES (?, ?, ?, ?)",
                (bundle.unit_code, bundle.period, bundle.province_code, bundle_id),
            )
            return _about(
                bundle,
                path,
                Outcome.IMPORTED,
                f"Tệp «{path.name}»: đã nhập {words}, lần gửi {bundle.revision} ({status}).",
            )
        current_id, current_revision, current_file, current_imported, current_path = current
        if bundle.revision < current_revision:
            named = shown_names(self.this(path), (current_file, current_path))
            return _about(
                bundle,
                path,
                Outcome.SKIPPED,
                f"Tệp «{named[0]}»: lần gửi {bundle.revision} của {words} cũ hơn lần gửi "
                f"{current_revision} đã nhập (tệp «{named[1]}»), bỏ qua.",
            )
        bundle_id = self.insert(bundle, path, data)
        if bundle.revision > current_revision:
            self.conn.execute(
                "UPDATE current SET bundle_id = ? WHERE unit_code = ? AND period = ?",
                (bundle_id, bundle.unit_code, bundle.period),
            )
            self.conn.execute(
                "UPDATE conflicts SET resolved_at = ?, resolution = 'superseded' "
                "WHERE unit_code = ? AND period = ? AND resolved_at IS NULL",
                (self.imported_at, bundle.unit_code, bundle.period),
            )
            return _about(
                bundle,
                path,
                Outcome.IMPORTED,
                f"Tệp «{path.name}»: đã nhập {words}, lần gửi {bundle.revision} ({status}), "
                f"thay lần gửi {current_revision}.",
            )
        self.conn.execute(
            "INSERT INTO conflicts (unit_code, period, revision, kept_id, other_id, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                bundle.unit_code,
                bundle.period,
                bundle.revision,
                current_id,
                bundle_id,
                self.imported_at,
            ),
        )
        message = _conflict_words(
            self.this(path),
            words,
            bundle.revision,
            (current_file, current_path),
            current_imported,
        )
        return _about(bundle, path, Outcome.CONFLICT, message)


def _load(path: Path) -> bytes | FileResult:
    """The file's bytes, or its rejection (:func:`read_bundle_bytes`: a file above the
    size cap is refused from its size, without being read)."""
    try:
        return read_bundle_bytes(path)
    except BundleError as error:
        return FileResult(path, Outcome.REJECTED, f"Tệp «{path.name}»: {error.reason}")


def _verify(path: Path, data: bytes, catalogue: Catalogue) -> Bundle | FileResult:
    """The verified bundle in ``data`` (the bytes that will be stored), or the rejection."""
    try:
        bundle = parse_bundle(data, catalogue)
    except BundleError as error:
        return FileResult(path, Outcome.REJECTED, f"Tệp «{path.name}»: {error.reason}")
    reason = _check_unit(bundle)
    if reason is not None:
        return FileResult(path, Outcome.REJECTED, f"Tệp «{path.name}»: {reason}")
    return bundle


def _one(writer: "_Writer", path: Path, catalogue: Catalogue) -> FileResult:
    data = _load(path)
    if isinstance(data, FileResult):
        return data
    known = writer.already_here(path, data)
    if known is not None:
        return known
    checked = _verify(path, data, catalogue)
    if isinstance(checked, FileResult):
        return checked
    return writer.place(checked, path, data)


def import_paths(
    db: ProvinceDatabase,
    paths: Iterable[Path | str],
    catalogue: Catalogue,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: dt.datetime | None = None,
) -> ImportResult:
    """Import files and folders; see the module's docstring for what happens to each file.

    ``progress(done, total, file_name)`` is called before each file;
    ``cancelled()`` is looked at between files and, when true, everything is
    rolled back and :class:`ImportCancelled` raised. :class:`ImportFailed` when
    the database refuses the batch (nothing imported).
    """
    files, result_files, sources = _collect(paths)
    result = ImportResult(result_files)
    imported_at = _stamp(now or dt.datetime.now(dt.UTC))
    total = len(files)
    try:
        with transaction(db.conn) as conn:
            writer = _Writer(conn, imported_at, Kinds(catalogue), sources)
            for done, path in enumerate(files):
                if cancelled is not None and cancelled():
                    raise ImportCancelled("Đã hủy: không nhập tệp nào.")
                if progress is not None:
                    progress(done, total, path.name)
                result.files.append(_one(writer, path, catalogue))
            if progress is not None:
                progress(total, total, "")
            touched = {(f.unit_code, f.period) for f in result.files if f.unit_code}
            result.open_conflicts = sum(
                1 for unit, period in touched if writer.open_conflict(unit, str(period)) is not None
            )
    except sqlite3.Error as error:
        words = storage_error_words(error)
        raise ImportFailed(
            f"Không ghi được vào tệp dữ liệu tổng hợp {db.path}"
            f"{f': {words}' if words else '.'} Chưa nhập tệp nào."
        ) from error
    return result
