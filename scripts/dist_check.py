"""Build the frozen folder from ``build.spec`` and try it as a commune PC would.

Run ``make dist-check`` (or ``.venv/bin/python scripts/dist_check.py``); it
takes a few minutes and is not part of ``make test``. In one run it

1. builds ``dist/cchc-desktop/`` with ``build.spec``, and a plain one-folder
   PyInstaller build of the bare ``QWizard`` (``benchmarks/bare_wizard.py``)
   with the same PyInstaller, as the size floor;
2. copies the product into a folder whose name has Vietnamese letters and
   spaces, and runs it from another working folder with a bare environment (no
   venv on ``PATH``, no ``PYTHONPATH``) and, where ``unshare`` allows, no network:
   ``--smoke`` (the first start creates the database in the user's data
   folder), ``--screenshots`` of the demo report, ``cchc --help``, ``cchc new``,
   and ``cchc check`` and ``cchc pdf --final`` on the demo report;
3. checks what is prepared for Windows (the icon's sizes, the version files);
4. prints both folder sizes and their ratio, which must stay at most 1.15.

Exit status 0 when every check passes. ``--no-build`` reuses the last builds.
"""

import argparse
import ast
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import freeze  # noqa: E402

PRODUCT = ROOT / "dist" / "cchc-desktop"
PRODUCT_WORK = ROOT / "build" / "pyinstaller"
BARE_ROOT = ROOT / "build" / "dist-check-bare"
BARE = BARE_ROOT / "dist" / "bare-wizard"
SIZE_BUDGET = 1.15
EXE = ".exe" if sys.platform == "win32" else ""
HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
ICON_SIZES = {16, 32, 48, 256}
TIMEOUT = 300


def pyinstaller(*args: str) -> list[str]:
    return [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *args]


def build_product() -> list[str]:
    """The command of ``make dist``."""
    return pyinstaller(
        "--distpath", str(PRODUCT.parent), "--workpath", str(PRODUCT_WORK), "build.spec"
    )


def build_bare() -> list[str]:
    """PyInstaller's defaults, one folder, on the bare QWizard of the start-up benchmark."""
    return pyinstaller(
        "--onedir",
        "--name", "bare-wizard",
        "--distpath", str(BARE.parent),
        "--workpath", str(BARE_ROOT / "work"),
        "--specpath", str(BARE_ROOT),
        "--paths", str(ROOT),
        str(ROOT / "benchmarks" / "bare_wizard.py"),
    )  # fmt: skip


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (links counted as links, not followed)."""
    total = 0
    for base, _dirs, files in os.walk(folder):
        total += sum(os.lstat(os.path.join(base, name)).st_size for name in files)
    return total


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


class Checks:
    """Runs named checks, prints one line each, remembers the failures."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    def run(self, name: str, check: Callable[[], str | None]) -> None:
        start = time.monotonic()
        try:
            detail = check()
        except (AssertionError, OSError, subprocess.SubprocessError, ValueError) as error:
            self.failed.append(name)
            print(f"FAIL {name}: {error}", flush=True)
            return
        self.passed += 1
        note = f" — {detail}" if detail else ""
        print(f"ok   {name} ({time.monotonic() - start:.1f} s){note}", flush=True)


class Frozen:
    """The copied product, started like a clerk's PC would: own folders, bare environment."""

    def __init__(self, sandbox: Path) -> None:
        self.folder = sandbox / "Ổ USB" / "CCHC Desktop bản thử"
        shutil.copytree(PRODUCT, self.folder, symlinks=True)
        self.work = sandbox / "thư mục làm việc"
        self.work.mkdir()
        self.home = sandbox / "Người dùng" / "Nguyễn Văn Ánh"
        self.home.mkdir(parents=True)
        self.data_home = self.home / "Dữ liệu ứng dụng"
        self.env = {
            "PATH": os.pathsep.join(("/usr/bin", "/bin")),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }
        if sys.platform == "win32":
            self.env.update(
                PATH=os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32",
                SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"),
                USERPROFILE=str(self.home),
                LOCALAPPDATA=str(self.data_home),
                APPDATA=str(self.data_home),
            )
        else:
            self.env["XDG_DATA_HOME"] = str(self.data_home)
        self.data_folder = self.data_home / "CCHC Desktop"
        self.offline = _offline_prefix()

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [*self.offline, str(self.folder / f"{program}{EXE}"), *args]
        return subprocess.run(
            command,
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )


def _offline_prefix() -> list[str]:
    """``unshare -rn`` (a new network namespace with no interface up) where it works."""
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        return []
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False)
    return [unshare, "-rn"] if probe.returncode == 0 else []


def expect(result: subprocess.CompletedProcess[str], code: int = 0) -> str:
    assert result.returncode == code, (
        f"exit {result.returncode}, expected {code}\n{result.stdout}\n{result.stderr}".strip()
    )
    return result.stdout


def frozen_checks(checks: Checks, frozen: Frozen, sandbox: Path) -> None:
    demo_db = frozen.home / "Báo cáo mẫu" / "dữ liệu mẫu.sqlite3"
    shots = frozen.home / "Ảnh chụp màn hình"
    pdf = frozen.home / "Báo cáo quý I năm 2026.pdf"
    state: dict[str, str] = {}
    where = "no network" if frozen.offline else "network present (unshare unavailable)"
    print(f"     frozen copy: {frozen.folder}; {where}")

    def resources() -> str:
        internal = frozen.folder / "_internal" / "resources"
        for name in ("catalogue/cchc-xa.toml", "fonts/LICENSE-OFL.txt", "icons/cchc-desktop.png"):
            assert (internal / name).is_file(), f"missing resources/{name}"
        fonts = sorted(p.name for p in (internal / "fonts").glob("*.ttf"))
        assert len(fonts) == 4, f"fonts: {fonts}"
        return f"{sum(1 for p in internal.rglob('*') if p.is_file())} resource files"

    def smoke() -> str:
        out = expect(frozen.run("cchc-desktop", "--smoke"))
        db = frozen.data_folder / "cchc.sqlite3"
        assert "Khởi động thử thành công" in out, out
        assert db.is_file(), f"no database at {db}"
        return f"created {db.relative_to(sandbox)}"

    def demo_database() -> str:
        # Made with the source tree: the frozen programs only read it (screenshots work
        # on a copy of the database they are given, and cchc has no demo command).
        from cchc_desktop.catalogue import load_catalogue
        from cchc_desktop.demo import create_demo_report
        from cchc_desktop.store import Store

        demo_db.parent.mkdir(parents=True, exist_ok=True)
        with Store.open(demo_db, load_catalogue(), keep_backups=0) as store:
            state["id"] = str(create_demo_report(store))
        return f"report {state['id']} in {demo_db.relative_to(sandbox)}"

    def screenshots() -> str:
        before = demo_db.read_bytes()
        expect(
            frozen.run(
                "cchc-desktop",
                "--screenshots",
                str(shots),
                "--db",
                str(demo_db),
                "--report",
                state["id"],
            )
        )
        assert demo_db.read_bytes() == before, "the screenshots changed the database"
        pictures = sorted(shots.glob("*.png"))
        assert len(pictures) >= 3, f"{len(pictures)} PNG files"
        assert all(p.stat().st_size > 10_000 for p in pictures), "an empty screenshot"
        return f"{len(pictures)} PNG files of the demo report"

    def cli_help() -> str:
        out = expect(frozen.run("cchc", "--help"))
        assert "Cách dùng: cchc" in out and "check" in out, out
        version = expect(frozen.run("cchc", "--version")).strip()
        return version

    def cli_new() -> str:
        out = expect(frozen.run("cchc", "new", "--unit", "11074", "--period", "2026-Q2"))
        listed = expect(frozen.run("cchc", "list"))
        assert "Xã Tứ Kỳ" in listed, listed
        return f"report {out.strip()} in the user's database"

    def cli_check() -> str:
        out = expect(frozen.run("cchc", "--db", str(demo_db), "check", state["id"]))
        return out.strip().splitlines()[-1]

    def cli_pdf() -> str:
        report = state.get("id") or "1"
        args = ("--db", str(demo_db), "pdf", report, "--final", "-o", str(pdf))
        expect(frozen.run("cchc", *args))
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF"), "not a PDF"
        detail = f"{len(data) // 1024} KiB"
        try:
            from pypdf import PdfReader
        except ImportError:
            return detail + " (pypdf not installed: text not read)"
        reader = PdfReader(pdf)
        text = reader.pages[0].extract_text()
        assert HEADING in text, f"no «{HEADING}» on page 1"
        return f"{detail}, {len(reader.pages)} pages, Vietnamese text reads back"

    checks.run("resources in the frozen folder", resources)
    checks.run("frozen GUI --smoke, first start", smoke)
    checks.run("demo database, made from source", demo_database)
    checks.run("frozen GUI --screenshots DIR --db FILE --report ID", screenshots)
    checks.run("frozen cchc --help, --version", cli_help)
    checks.run("frozen cchc new, list (official unit list)", cli_new)
    checks.run("frozen cchc check on the demo report", cli_check)
    checks.run("frozen cchc pdf --final on the demo report", cli_pdf)


def windows_checks(checks: Checks) -> None:
    def icon() -> str:
        data = (ROOT / "resources" / "icons" / "cchc-desktop.ico").read_bytes()
        reserved, kind, count = struct.unpack_from("<HHH", data)
        assert (reserved, kind) == (0, 1), "not an ICO file"
        sizes = {data[6 + 16 * n] or 256 for n in range(count)}
        assert sizes >= ICON_SIZES, f"sizes {sorted(sizes)}"
        return "sizes " + ", ".join(str(s) for s in sorted(sizes))

    def version_files() -> str:
        found = sorted(PRODUCT_WORK.rglob("version-*.txt"))
        assert len(found) == 2, f"version files: {found}"
        for path in found:
            text = path.read_text(encoding="utf-8")
            ast.parse(text, str(path))
            assert freeze.PRODUCT_NAME in text, f"{path.name}: no product name"
        return f"{', '.join(p.name for p in found)}: «{freeze.PRODUCT_NAME}»"

    checks.run("Windows icon", icon)
    checks.run("Windows version files", version_files)


def bare_check(checks: Checks) -> None:
    def starts() -> str:
        program = BARE / f"bare-wizard{EXE}"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CCHC_EXIT_AFTER_PAINT": "1"}
        result = subprocess.run(
            [str(program)], env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
        assert "first-paint" in expect(result), result.stdout
        return "painted and quit"

    checks.run("frozen bare QWizard starts", starts)


def build(checks: Checks) -> None:
    for name, command in (("build.spec", build_product()), ("bare QWizard", build_bare())):

        def run(command: Sequence[str] = command) -> str:
            result = subprocess.run(
                command, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False
            )
            if result.returncode != 0:
                raise AssertionError(f"PyInstaller failed\n{result.stderr[-4000:]}")
            return ""

        checks.run(f"PyInstaller build: {name}", run)


def size_check(checks: Checks) -> None:
    product, bare = folder_size(PRODUCT), folder_size(BARE)
    ratio = product / bare
    print(f"     product folder  {PRODUCT.relative_to(ROOT)}: {megabytes(product)}")
    print(f"     bare QWizard    {BARE.relative_to(ROOT)}: {megabytes(bare)}")
    print(f"     ratio           {ratio:.3f} (budget ≤ {SIZE_BUDGET})")

    def within() -> str:
        assert ratio <= SIZE_BUDGET, f"{ratio:.3f} > {SIZE_BUDGET}"
        return f"{megabytes(product)} / {megabytes(bare)} = {ratio:.3f}"

    checks.run("folder size within budget", within)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--no-build", action="store_true", help="reuse the last builds")
    args = parser.parse_args(argv)
    import PyInstaller

    print(f"PyInstaller {PyInstaller.__version__}, Python {sys.version.split()[0]}, {sys.platform}")
    checks = Checks()
    if not args.no_build:
        build(checks)
    if PRODUCT.is_dir() and BARE.is_dir():
        with tempfile.TemporaryDirectory(prefix="cchc-dist-check-") as sandbox:
            frozen_checks(checks, Frozen(Path(sandbox)), Path(sandbox))
        windows_checks(checks)
        bare_check(checks)
        size_check(checks)
    else:
        checks.failed.append("builds missing")
        print("FAIL builds missing: run without --no-build")
    print(f"{checks.passed} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
