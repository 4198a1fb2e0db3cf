"""One resolver for the files in ``resources/``, from source and from a frozen build.

Never relative to the working directory: from source the folder sits beside the
package; in a PyInstaller build it is unpacked under ``sys._MEIPASS``.
"""

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder that holds fonts, the catalogue, the schema and icons."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource_path("catalogue", "cchc-xa.toml")``."""
    return resources_dir().joinpath(*parts)
