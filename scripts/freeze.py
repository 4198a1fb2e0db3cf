"""What ``build.spec`` leaves out of the frozen folder, and the Windows version resource.

``build.spec`` lists what goes in; this module holds the mechanics it calls:

- :func:`qt_module_excludes`: every PySide6 module but the three the UI uses, so
  PyInstaller's Qt hooks collect nothing for networking, QML, WebEngine, …
- :func:`prune`: the Qt plugins the app needs (platform, style, input method, the
  ICO reader) and nothing else, no Qt translations (there is no Vietnamese one),
  then every shared library that no kept binary links against any more.
- :func:`version_file_text`: the ``VSVersionInfo`` text PyInstaller embeds in the
  Windows ``.exe`` files (Vietnamese product name, version from ``__version__``).

Imports nothing of PyInstaller at module level, so ``scripts/dist_check.py`` and
the spec can both use it.
"""

import fnmatch
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# (destination name, source path, type code): PyInstaller's TOC entry.
TocEntry = tuple[str, str, str]

QT_MODULES_USED = frozenset({"QtCore", "QtGui", "QtWidgets"})

# Plugin folder -> plugin names kept (file name without "lib" prefix and suffix).
QT_PLUGINS_KEPT: dict[str, frozenset[str]] = {
    # windows: the real thing; offscreen: --smoke and --screenshots; xcb: a Linux desktop.
    "platforms": frozenset({"qwindows", "qoffscreen", "qminimal", "qxcb", "qcocoa"}),
    # The Windows 10/11 look; without it Qt falls back to Fusion.
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
    # Vietnamese typing on Linux goes through IBus (ibus-unikey, ibus-bamboo).
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "imageformats": frozenset({"qico"}),
}

# Python modules no command of the product needs (tests, tooling, other toolkits, …).
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc",
    "pydoc_data",
    "doctest",
    "unittest",
    "test",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    "jsonschema",
    "mypy",
    "ruff",
    "numpy",
    "IPython",
    # Offline: no TLS. http.client, urllib and asyncio all take a missing ssl;
    # hashlib falls back to its built-in md5/sha modules (OpenSSL left behind).
    "ssl",
    "_ssl",
    "_hashlib",
    # ReportLab imports PIL.Image at start-up, so Pillow stays; its optional
    # codecs and font/colour engines (each with its own libraries) do not.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingft",
    "PIL.ImageFont",
    "PIL.FontFile",
    "PIL.ImageDraw",
    "PIL.ImageDraw2",
    "PIL.ImageText",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingmath",
    "PIL.ImageMath",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PIL.ImageShow",
    "PIL.ImageGrab",
)

_LIB_SUFFIX = re.compile(r"(\.(so|dll|dylib|pyd)(\.\d+)*)$", re.IGNORECASE)


def qt_module_excludes(pyside_dir: Path) -> list[str]:
    """``PySide6.QtX`` for every module of the installed PySide6 but the ones the UI uses."""
    names = {path.name.split(".", 1)[0] for path in pyside_dir.glob("Qt*.*")}
    return sorted(f"PySide6.{name}" for name in names - QT_MODULES_USED if name.isidentifier())


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _plugin_name(file_name: str) -> str:
    stem = _LIB_SUFFIX.sub("", file_name)
    return stem.removeprefix("lib")


def _is_qt_plugin(parts: tuple[str, ...]) -> bool:
    return "PySide6" in parts and "plugins" in parts


def _plugin_kept(parts: tuple[str, ...]) -> bool:
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return False
    folder, name = parts[index + 1], parts[-1]
    return _plugin_name(name) in QT_PLUGINS_KEPT.get(folder, frozenset())


def _is_qt_translation(parts: tuple[str, ...]) -> bool:
    return "PySide6" in parts and "translations" in parts


def _is_python_runtime(dest: str) -> bool:
    """The interpreter library: the bootloader loads it, nothing links against it."""
    name = _parts(dest)[-1]
    return bool(re.match(r"^(lib)?python3(\.?\d+)?[^/]*\.(dll|so|dylib)", name, re.IGNORECASE))


def _is_extension(dest: str) -> bool:
    """A Python extension module: imported by Python, so always a root of the closure."""
    name = _parts(dest)[-1].lower()
    return name.endswith(".pyd") or ".cpython-" in name or name.endswith(".abi3.so")


def prune(
    binaries: Iterable[TocEntry],
    datas: Iterable[TocEntry],
    imports_of: Callable[[str], Iterable[str]],
) -> tuple[list[TocEntry], list[TocEntry], list[str]]:
    """Drop unwanted Qt plugins and translations, then libraries nothing links to.

    ``imports_of(source_path)`` names the libraries a binary links against (base
    names; PyInstaller's ``bindepend.get_imports``). Roots of the closure are the
    extension modules, the kept plugins and the interpreter; a library survives
    when a root, or a survivor, links against it. A symbolic link (PyInstaller's
    ``SYMLINK`` entries, e.g. ``libQt6Core.so.6`` beside ``_internal``) survives
    with its target. Returns the kept binaries, the kept data files and the
    destination names dropped (for the build log).
    """
    dropped: list[str] = []

    def wanted(entry: TocEntry) -> bool:
        parts = _parts(entry[0])
        unwanted = (_is_qt_plugin(parts) and not _plugin_kept(parts)) or _is_qt_translation(parts)
        if unwanted:
            dropped.append(entry[0])
        return not unwanted

    binaries = [entry for entry in binaries if wanted(entry)]
    datas = [entry for entry in datas if wanted(entry)]

    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name = {_parts(dest)[-1].lower(): src for dest, src, _code in files}
    needed = {
        _parts(dest)[-1].lower()
        for dest, _src, _code in files
        if _is_extension(dest) or _is_qt_plugin(_parts(dest)) or _is_python_runtime(dest)
    }
    queue = list(needed)
    while queue:
        for imported in imports_of(by_name[queue.pop()]):
            key = PurePosixPath(imported.replace("\\", "/")).name.lower()
            if key in by_name and key not in needed:
                needed.add(key)
                queue.append(key)
    every = {_normal(dest) for dest, _src, _code in files}
    kept = {_normal(dest) for dest, _src, _code in files if _parts(dest)[-1].lower() in needed}

    def survives(entry: TocEntry) -> bool:
        dest, src, code = entry
        if code == "SYMLINK":
            target = _normal(str(PurePosixPath(_normal(dest)).parent / _normal(src)))
            keep = target in kept or target not in every
        else:
            keep = code not in _BINARY_CODES or _normal(dest) in kept
        if not keep:
            dropped.append(dest)
        return keep

    return (
        [entry for entry in binaries if survives(entry)],
        [entry for entry in datas if survives(entry)],
        dropped,
    )


_BINARY_CODES = frozenset({"BINARY", "EXTENSION"})


def _normal(dest: str) -> str:
    return posixpath.normpath(dest.replace("\\", "/"))


def matching(patterns: Iterable[str], folder: Path) -> list[Path]:
    """Files of ``folder`` matching any glob of ``patterns``, sorted; none if it is absent."""
    if not folder.is_dir():
        return []
    found = {
        path
        for path in folder.iterdir()
        if path.is_file() and any(fnmatch.fnmatch(path.name, p) for p in patterns)
    }
    return sorted(found)


PRODUCT_NAME = "CCHC Desktop – Báo cáo cải cách hành chính"
COMPANY_NAME = "CCHC Desktop"
COPYRIGHT = "Phần mềm mã nguồn mở theo giấy phép MIT"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` -> ``(0, 1, 0, 0)``; a suffix such as ``rc1`` or ``.dev2`` is dropped."""
    from packaging.version import Version  # a dependency of PyInstaller, so of the build

    padded = [*Version(version).release[:4], 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_file_text(version: str, description: str, original_filename: str) -> str:
    """A PyInstaller version file (``EXE(version=...)``) in Vietnamese, Unicode code page.

    Language 0x042A is Vietnamese, code page 1200 is UTF-16: Explorer's
    Properties → Details shows the strings with their diacritics.
    """
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY_NAME,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": Path(original_filename).stem,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": original_filename,
        "ProductName": PRODUCT_NAME,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# Generated by scripts/freeze.py for build.spec; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '042A04B0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""
