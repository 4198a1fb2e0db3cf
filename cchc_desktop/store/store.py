"""The store: every report in one SQLite file, each edit durable when the call returns.

One ``Store`` owns one connection; use it from the thread that opened it. Every
write is one ``BEGIN IMMEDIATE … COMMIT`` transaction: the edit, its history
row and the report's ``updated_at`` land together or not at all, and the
immediate lock means a second process waits (busy timeout) instead of failing
half-way. Reading methods return fresh models; nothing is cached but the
catalogue's lookups.
"""

import datetime as dt
import json
import sqlite3
from contextlib import AbstractContextManager
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from cchc_desktop.catalogue import Catalogue, Indicator
from cchc_desktop.status import ReportStatus
from cchc_desktop.store import backups, exports, reports
from cchc_desktop.store import history as edits
from cchc_desktop.store.copying import carried_texts, carried_values, place_of, retitle_preamble
from cchc_desktop.store.database import daily_backup, open_database, transaction
from cchc_desktop.store.exports import ExportState
from cchc_desktop.store.history import Change, Target
from cchc_desktop.store.records import (
    HEADER_PREFIX,
    ReportSummary,
    build_report,
    canonical,
    narratives_of,
    now,
    stamp,
    typed_values,
)
from cchc_desktop.vnformat import Number

if TYPE_CHECKING:
    from sqlite_utils import Database

    from cchc_desktop.model import Report, Unit

# The report model (pydantic) is imported by the methods that build or validate one, not
# with the store: listing and checking reports, all the start screen does, does without it.

_PLACE = f"{HEADER_PREFIX}place"


class Store:
    """All reports of one database file. Open with :meth:`Store.open`."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, catalogue: Catalogue, keep_backups: int
    ) -> None:
        self.path = path
        self.catalogue = catalogue
        self.keep_backups = keep_backups
        self.notices: list[str] = []
        self._conn = conn
        self._narrative_keys = frozenset(catalogue.narrative_keys())
        self._defaults = {
            i.id: canonical(i.parse(i.default))
            for i in catalogue.indicators
            if i.default is not None and not i.derived
        }

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def open(cls, path: Path, catalogue: Catalogue, *, keep_backups: int = 7) -> "Store":
        """Open or create the database; a damaged file is replaced by its newest good backup.

        ``notices`` then holds what the user must be told. Raises ``StoreError``
        when the file cannot be opened at all (no permission, locked too long).
        """
        if keep_backups < 0:
            raise ValueError("Số ngày giữ bản sao lưu không được là số âm")
        conn, notices = open_database(Path(path), keep_backups)
        store = cls(conn, Path(path), catalogue, keep_backups)
        store.notices.extend(notices)
        return store

    def close(self) -> None:
        """Close the file, first taking today's backup if none exists (the app may run for days)."""
        try:
            if self.keep_backups > 0:
                daily_backup(self._conn, self.path, self.keep_backups)
        except (OSError, sqlite3.Error):
            pass  # the data itself is safe; the next open tries again
        finally:
            self._conn.close()

    @property
    def db(self) -> "Database":
        """The connection wrapped by sqlite-utils, for tools and tests (imported on first use)."""
        from sqlite_utils import Database

        return Database(self._conn, execute_plugins=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def backup_now(self) -> Path:
        """Write today's backup now (replacing an earlier one of today) and rotate."""
        target = backups.make_backup(self._conn, self.path, dt.date.today())
        if self.keep_backups > 0:
            backups.rotate(self.path, self.keep_backups)
        return target

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self._conn)

    # -- reports ---------------------------------------------------------------------

    def create_report(
        self,
        unit: "Unit",
        period: str,
        *,
        ad_hoc_title: str = "",
        window: tuple[dt.date, dt.date] | None = None,
    ) -> int:
        """A new draft with the catalogue's default figures and the unit's place name.

        ``window`` defaults to the period's official one (none for ad hoc reports).
        ``ValueError`` if this unit already has a live report for the period.
        """
        parsed, title = reports.period_and_title(period, ad_hoc_title)
        window = window or parsed.default_window()
        if window:
            reports.check_window(*window)
        from cchc_desktop.model import header_field_json

        texts: dict[str, str] = {}
        place = place_of(unit)
        if place:
            texts[_PLACE] = header_field_json("place", place)
        with self._write() as conn:
            return reports.insert(
                conn, self.catalogue, unit, parsed, title, window, dict(self._defaults), texts
            )

    def duplicate(self, report_id: int, period: str, *, ad_hoc_title: str = "") -> int:
        """The same unit's report for another period, started from this one.

        Copies the header (but not its number and date, given at signing), the
        narratives as starting text, and the stock figures (``carry_over``); flows
        start empty. In the preamble, the source's period title (``quý I năm 2026``)
        becomes the new one's. Each cross-period rule's figure starts at the source's
        ``previous`` figure (dossiers carried over = those in progress at its end).
        """
        from cchc_desktop.model import header_field_json

        parsed, title = reports.period_and_title(period, ad_hoc_title)
        with self._write() as conn:
            row = reports.live_row(conn, report_id)
            unit = reports.unit_of(row)
            source_values, source_texts = reports.fields(conn, report_id)
            values = carried_values(self.catalogue, source_values, self._defaults)
            texts = carried_texts(self._narrative_keys, source_texts)
            retitle_preamble(texts, row["period_title"], title)
            place = place_of(unit)
            if _PLACE not in texts and place:
                texts[_PLACE] = header_field_json("place", place)
            window = parsed.default_window()
            return reports.insert(conn, self.catalogue, unit, parsed, title, window, values, texts)

    def list_reports(self, *, deleted: bool = False) -> list[ReportSummary]:
        """Live reports, or with ``deleted=True`` those in the trash; by unit, then period."""
        return reports.summaries(self._conn, deleted=deleted)

    def load(self, report_id: int) -> "Report":
        """The live report with its header, narratives and typed figures."""
        row = reports.live_row(self._conn, report_id)
        values, texts = reports.fields(self._conn, report_id)
        return build_report(row, self.catalogue, values, texts)

    def previous_report(self, report_id: int) -> "Report | None":
        """The same unit's live report whose window ends last before this one's starts.

        A unit is its code, or its name when it has none. Ties go to the one edited
        last. ``None`` when this report has no window or there is no such report.
        """
        found = reports.previous_id(self._conn, reports.live_row(self._conn, report_id))
        return None if found is None else self.load(found)

    def check_inputs(
        self, report_id: int
    ) -> tuple[dict[str, Number], dict[str, str], dict[str, Number] | None]:
        """What the checker reads of a live report, without building its model: the typed
        figures, the narratives, and the previous report's figures (``None`` if none).

        For lists that check every report (the start screen): faster than ``load``,
        and it needs no pydantic.
        """
        found = reports.previous_id(self._conn, reports.live_row(self._conn, report_id))
        values, texts = reports.fields(self._conn, report_id)
        previous = None if found is None else reports.fields(self._conn, found)[0]
        return (
            typed_values(self.catalogue, values),
            narratives_of(texts),
            None if previous is None else typed_values(self.catalogue, previous),
        )

    # -- edits -----------------------------------------------------------------------

    def _set(self, report_id: int, target: Target, key: str, new: str | None) -> None:
        with self._write() as conn:
            edits.edit(conn, report_id, target, key, new)
            _settle_status(conn, report_id)

    def _typed_indicator(self, indicator_id: str) -> Indicator:
        if not self.catalogue.has_indicator(indicator_id):
            raise ValueError(f"Không có chỉ tiêu «{indicator_id}» trong danh mục")
        indicator = self.catalogue.indicator(indicator_id)
        if indicator.derived:
            raise ValueError(f"{indicator.label}: được tính tự động, không nhập tay")
        return indicator

    def set_value(
        self, report_id: int, indicator_id: str, raw: str | int | Decimal | None
    ) -> Number | None:
        """Validate and store one figure; ``None`` or blank clears it. Returns the value.

        Called on every keystroke: one transaction, a handful of cached statements.
        """
        indicator = self._typed_indicator(indicator_id)
        blank = raw is None or (isinstance(raw, str) and not raw.strip())
        value = None if blank else indicator.parse(raw)
        self._set(report_id, "value", indicator_id, None if value is None else canonical(value))
        return value

    def set_text(self, report_id: int, key: str, text: str) -> None:
        """Store a narrative (``section.narrative``), NFC; an empty text clears it."""
        if key not in self._narrative_keys:
            raise ValueError(f"Không có nội dung «{key}» trong danh mục")
        if not isinstance(text, str):
            raise ValueError(f"Nội dung «{key}» phải là văn bản")
        from cchc_desktop.model import nfc

        normalised = nfc(text)
        self._set(report_id, "text", key, normalised or None)

    def set_header_field(self, report_id: int, name: str, value: Any) -> None:
        """Store one header field (``number``, ``date``, ``signer`` …), validated, as JSON.

        A field set back to its blank default is removed, so that setting a blank
        field to blank is not an edit.
        """
        from cchc_desktop.model import Header, header_field_json, validate_header_field

        validated = validate_header_field(name, value)
        stored = header_field_json(name, validated)
        if stored == header_field_json(name, getattr(Header(), name)):
            self._set(report_id, "text", f"{HEADER_PREFIX}{name}", None)
        else:
            self._set(report_id, "text", f"{HEADER_PREFIX}{name}", stored)

    def set_window(self, report_id: int, start: dt.date, end: dt.date) -> None:
        """Change the data window (kept in the history, so it can be undone)."""
        reports.check_window(start, end)
        new = edits.window_text(start.isoformat(), end.isoformat())
        self._set(report_id, "window", "window", new)

    def set_status(self, report_id: int, status: ReportStatus | str) -> None:
        """Draft, ready or final, set by hand. Not an edit of the content: no history, no undo.

        ``final`` is :meth:`mark_final` of the current content; draft or ready
        forgets which content a final copy was printed from.
        """
        try:
            wanted = ReportStatus(status)
        except ValueError:
            raise ValueError(
                f"Trạng thái «{status}» không hợp lệ: dùng draft (nháp), ready (sẵn sàng) "
                "hoặc final (chính thức)"
            ) from None
        if wanted == ReportStatus.FINAL:
            self.mark_final(report_id)
            return
        with self._write() as conn:
            reports.live_row(conn, report_id)
            conn.execute("UPDATE reports SET final_edit = NULL WHERE id = ?", (report_id,))
            _put_status(conn, report_id, wanted)

    def status(self, report_id: int) -> ReportStatus:
        """The live report's status now (cheaper than ``load``)."""
        return ReportStatus(reports.live_row(self._conn, report_id)["status"])

    def edit_point(self, report_id: int) -> int:
        """The id of the newest edit in effect (0: none): which content the report has now.

        Read it with the report printed, and give it to :meth:`mark_final`.
        """
        reports.live_row(self._conn, report_id)
        return _newest_in_effect(self._conn, report_id)

    def mark_final(self, report_id: int, printed_at: int | None = None) -> ReportStatus:
        """The final copy was written from the content at edit ``printed_at`` (default: now).

        The report is final while its content is that one: any later edit returns
        it to draft, and undoing (or redoing) back to it makes it final again. If
        the content changed while the copy was being written, the report stays a
        draft until undone back. Returns the status now. Not an edit: no history.
        """
        with self._write() as conn:
            reports.live_row(conn, report_id)
            current = _newest_in_effect(conn, report_id)
            point = current if printed_at is None else printed_at
            conn.execute("UPDATE reports SET final_edit = ? WHERE id = ?", (point, report_id))
            wanted = ReportStatus.FINAL if point == current else ReportStatus.DRAFT
            _put_status(conn, report_id, wanted)
            return wanted

    def set_position(self, report_id: int, position: dict[str, Any]) -> None:
        """Remember where the clerk was (page, field); no history, ``updated_at`` unchanged."""
        try:
            text = json.dumps(position, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError) as error:
            raise ValueError(f"Vị trí làm việc không lưu được: {error}") from None
        with self._write() as conn:
            reports.save_position(conn, report_id, text)

    def position(self, report_id: int) -> dict[str, Any]:
        """The last :meth:`set_position`, or ``{}``."""
        text = reports.live_row(self._conn, report_id)["position"]
        loaded = json.loads(text) if text else {}
        return loaded if isinstance(loaded, dict) else {}

    # -- bundles sent to the province ------------------------------------------------

    def export_state(self, report_id: int) -> ExportState:
        """The last bundle exported of this report (revision 0 when never exported)."""
        return exports.state(self._conn, report_id)

    def record_export(
        self, report_id: int, revision: int, content_hash: str, exported_at: dt.datetime
    ) -> None:
        """Remember a bundle written and verified; not an edit (no history, no undo)."""
        with self._write() as conn:
            exports.record(conn, report_id, revision, content_hash, exported_at)

    # -- app settings ----------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        """A setting of the app (``last_unit``, ``last_report`` …), or ``None`` if never set."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str | None) -> None:
        """Remember a setting (one durable write, no history); ``None`` forgets it."""
        if not isinstance(key, str) or not key:
            raise ValueError("Tên thiết lập không được để trống")
        if value is not None and not isinstance(value, str):
            raise ValueError(f"Thiết lập «{key}» phải là văn bản")
        with self._write() as conn:
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # -- history ---------------------------------------------------------------------

    def history(self, report_id: int, since: dt.datetime | None = None) -> list[Change]:
        """Every edit, oldest first, undone ones included (``undone``); or those after ``since``.

        A naive ``since`` is taken as local time.
        """
        reports.live_row(self._conn, report_id)
        return edits.changes(self._conn, report_id, None if since is None else stamp(since))

    def _step(self, report_id: int, *, undo: bool) -> Change | None:
        with self._write() as conn:
            reports.live_row(conn, report_id)
            change = edits.step(conn, report_id, undo=undo)
            _settle_status(conn, report_id)
            return change

    def undo(self, report_id: int) -> Change | None:
        """Take back the newest edit in effect; returns it (so the UI can show its field)."""
        return self._step(report_id, undo=True)

    def redo(self, report_id: int) -> Change | None:
        """Re-apply the edit undone last, unless a newer edit replaced it."""
        return self._step(report_id, undo=False)

    # -- trash -----------------------------------------------------------------------

    def delete(self, report_id: int) -> None:
        """Move to the trash (recoverable with :meth:`restore`)."""
        with self._write() as conn:
            reports.trash(conn, report_id, stamp(now()))

    def restore(self, report_id: int) -> None:
        """Take out of the trash; ``ValueError`` if the unit has a live report for the period."""
        with self._write() as conn:
            reports.untrash(conn, report_id)

    def purge(self, report_id: int) -> None:
        """Delete for good, with its figures, texts and history; only from the trash."""
        with self._write() as conn:
            reports.purge(conn, report_id)


# -- the final copy ------------------------------------------------------------------


def _newest_in_effect(conn: sqlite3.Connection, report_id: int) -> int:
    """The newest edit not undone (0: none). The history being one linear undo stack,
    it determines the whole content: the same id means the same figures and texts."""
    row = conn.execute(
        "SELECT MAX(id) FROM history WHERE report_id = ? AND undone = 0", (report_id,)
    ).fetchone()
    return int(row[0] or 0)


def _put_status(conn: sqlite3.Connection, report_id: int, status: ReportStatus) -> None:
    conn.execute(
        "UPDATE reports SET status = ?, updated_at = ? WHERE id = ? AND status != ?",
        (status.value, stamp(now()), report_id, status.value),
    )


def _settle_status(conn: sqlite3.Connection, report_id: int) -> None:
    """After an edit, undo or redo: final exactly while the content is the printed one."""
    row = conn.execute(
        "SELECT status, final_edit FROM reports WHERE id = ?", (report_id,)
    ).fetchone()
    if row is None or row[1] is None:
        return
    printed = _newest_in_effect(conn, report_id) == int(row[1])
    wanted = ReportStatus.FINAL if printed else ReportStatus.DRAFT
    if row[0] != wanted.value:
        _put_status(conn, report_id, wanted)
