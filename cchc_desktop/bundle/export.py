"""Writing a report's bundle onto a USB stick, so that a pulled stick never leaves half a file.

Three steps, so that the UI can run the slow middle one off its thread (the store
belongs to the thread that opened it):

1. :func:`prepare_bundle` (store thread): loads the report, checks it against the
   previous period, and decides the revision — the last one again when nothing
   changed since it was exported (then the bundle is byte-identical to it), the
   next one otherwise (above any revision a deleted report of the same unit and
   period was sent with);
2. :func:`write_bundle_file` (any thread): written atomically
   (:func:`cchc_desktop.atomic_file.write_atomically`, with the permissions of any
   new file), then read back and verified;
3. :meth:`PreparedBundle.record` (store thread): remembers what was exported.

:func:`export_bundle` does all three.
"""

import contextlib
import datetime as dt
import errno
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.atomic_file import write_atomically
from cchc_desktop.bundle.building import build_bundle, bundle_file_name
from cchc_desktop.bundle.format import Bundle, BundleError, bundle_bytes, checksum
from cchc_desktop.bundle.reading import parse_bundle
from cchc_desktop.checks import Finding, check_report
from cchc_desktop.model import Report
from cchc_desktop.os_words import os_error_words
from cchc_desktop.store import Store

_PROBE_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class ExportError(BundleError):
    """The bundle could not be written; the message says where and why, in Vietnamese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, "write")


@dataclass(frozen=True)
class PreparedBundle:
    """A bundle ready to write, and what the store records once it is written."""

    report_id: int
    bundle: Bundle
    content_hash: str
    changed: bool  # a new revision (False: the last export again, byte for byte)

    @property
    def file_name(self) -> str:
        return bundle_file_name(self.bundle)

    def record(self, store: Store) -> None:
        """Remember this export in the store (call once the file is written)."""
        store.record_export(
            self.report_id, self.bundle.revision, self.content_hash, self.bundle.created_at
        )


def content_hash(bundle: Bundle) -> str:
    """SHA-256 of everything the bundle carries but when it was written and its revision.

    The app's version and the checker's findings are included on purpose: a
    revision is reused only when the file would be byte-identical to the one sent
    (same ``created_at`` too), since the same revision with other bytes is a
    conflict at the province. After an app update an unchanged report is sent as
    a new revision, which the province simply takes as the newer one.
    """
    payload = bundle.payload()
    del payload["created_at"], payload["revision"]
    return checksum(payload)


def prepare_bundle(
    store: Store,
    report_id: int,
    *,
    now: dt.datetime | None = None,
    report: Report | None = None,
    findings: list[Finding] | None = None,
) -> PreparedBundle:
    """The bundle to export now, with the checker's findings against the previous period.

    ``report`` and ``findings`` are the store's report and its findings when the
    caller holds them already (loaded and checked here otherwise). ``BundleError``
    when the report has no official unit code.
    """
    catalogue = store.catalogue
    if report is None:
        report = store.load(report_id)
    if findings is None:
        findings = check_report(catalogue, report, store.previous_report(report_id))
    state = store.export_state(report_id)
    # Built (and validated) once, at the probe's revision and time; only those two
    # change below, and the checksum with them.
    probe = build_bundle(report, catalogue, findings, revision=1, created_at=_PROBE_TIME)
    digest = content_hash(probe)
    created_at = now or dt.datetime.now().astimezone()
    revision, changed = state.unit_period_revision + 1, True
    if state.revision >= 1 and state.content_hash == digest and state.exported_at:
        revision, created_at, changed = state.revision, state.exported_at, False
    if created_at.tzinfo is None:
        created_at = created_at.astimezone()
    draft = probe.model_copy(
        update={"revision": revision, "created_at": created_at.replace(microsecond=0)}
    )
    bundle = draft.model_copy(update={"sha256": checksum(draft.payload())})
    return PreparedBundle(report_id, bundle, digest, changed)


def _words(error: OSError, folder: Path) -> str:
    """The folder the officer chose, :func:`os_error_words` and what to do about it."""
    hints = {
        errno.EACCES: "Hãy chọn thư mục khác.",
        errno.EPERM: "Hãy chọn thư mục khác.",
        errno.EROFS: "Hãy chọn nơi khác.",
        errno.ENOSPC: "Hãy xóa bớt tệp.",
        getattr(errno, "EDQUOT", errno.ENOSPC): "Hãy xóa bớt tệp.",
        errno.EIO: "Hãy thử lại.",
    }
    code = error.errno
    if code == errno.ENOENT:
        return f"Không tìm thấy thư mục «{folder}» (USB có thể đã bị rút). Hãy cắm lại và thử lại."
    if code == errno.ENOTDIR:
        return (
            f"«{folder}» là một tệp, không phải thư mục. Gói dữ liệu được ghi vào một thư mục "
            "(ví dụ ổ USB), tên tệp do chương trình đặt: hãy chọn thư mục chứa tệp đó."
        )
    hint = hints.get(code or 0)
    words = f"Không ghi được gói dữ liệu vào «{folder}»: {os_error_words(error, writing=True)}"
    return f"{words} {hint}" if hint else words


def write_bundle_file(bundle: Bundle, folder: Path | str) -> Path:
    """Write ``bundle`` into ``folder`` under :func:`bundle_file_name`; returns its path.

    The final name only ever holds the previous file or the complete new one. The
    new file is read back and its checksum verified; ``ExportError`` (Vietnamese)
    for a missing, read-only or full folder, or a file that does not read back.
    """
    folder = Path(folder)
    if not folder.is_dir():
        missing = errno.ENOTDIR if folder.exists() else errno.ENOENT
        raise ExportError(_words(OSError(missing, "not a folder"), folder))
    data = bundle_bytes(bundle)
    target = folder / bundle_file_name(bundle)
    try:
        write_atomically(target, data)
        written = target.read_bytes()
    except OSError as error:
        raise ExportError(_words(error, folder)) from error
    _verify(written, data, bundle, target)
    return target


def _verify(written: bytes, data: bytes, bundle: Bundle, target: Path) -> None:
    try:
        if written != data:
            raise BundleError("nội dung đọc lại khác nội dung đã ghi", "checksum")
        if parse_bundle(written).sha256 != bundle.sha256:
            raise BundleError("mã kiểm tra đọc lại khác", "checksum")
    except BundleError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise ExportError(
            f"Tệp «{target}» ghi ra bị hỏng khi đọc lại ({error.reason}); đã xóa tệp hỏng. "
            "Hãy thử lại hoặc dùng USB khác."
        ) from error


def export_bundle(store: Store, report_id: int, folder: Path | str) -> Path:
    """Write the report's bundle into ``folder`` and record the export; returns the file.

    The revision grows only when the report changed since its last export;
    exporting again unchanged rewrites the same file, byte for byte.
    """
    prepared = prepare_bundle(store, report_id)
    path = write_bundle_file(prepared.bundle, folder)
    prepared.record(store)
    return path
