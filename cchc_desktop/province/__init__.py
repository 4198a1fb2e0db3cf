"""The province office's side: import the communes' bundles, see who reported, sum them.

- :mod:`.database` — the province database (a SQLite file of its own);
- :mod:`.importer` — :func:`import_paths`: files and folders, checked, newest revision wins;
- :mod:`.summary` — :func:`province_summary`: every official commune, reported or not,
  and the totals;
- :mod:`.received` — one bundle read back; conflicts and their resolution;
- :mod:`.export` — the summary as CSV for Excel (the PDF is ``cchc_desktop.pdf.summary``).
"""

from cchc_desktop.province.database import (
    ProvinceDatabase,
    ProvinceDatabaseError,
    default_province_db_path,
)
from cchc_desktop.province.export import write_summary_csv
from cchc_desktop.province.importer import (
    FileResult,
    ImportCancelled,
    ImportFailed,
    ImportResult,
    Outcome,
    import_paths,
)
from cchc_desktop.province.received import (
    Conflict,
    Difference,
    NotFound,
    conflict_differences,
    differences_text,
    list_conflicts,
    load_bundle,
    resolve_conflict,
)
from cchc_desktop.province.summary import (
    CommuneRow,
    Summary,
    Total,
    latest_import,
    province_summary,
    reported_periods,
)

__all__ = [
    "CommuneRow",
    "Conflict",
    "Difference",
    "FileResult",
    "ImportCancelled",
    "ImportFailed",
    "ImportResult",
    "NotFound",
    "Outcome",
    "ProvinceDatabase",
    "ProvinceDatabaseError",
    "Summary",
    "Total",
    "conflict_differences",
    "default_province_db_path",
    "differences_text",
    "import_paths",
    "latest_import",
    "list_conflicts",
    "load_bundle",
    "province_summary",
    "reported_periods",
    "resolve_conflict",
    "write_summary_csv",
]
