"""Build the course bundle (`make bundle`): one zip a student unpacks and installs with one command.

The zip holds one folder, ``infolib-book-course-<version>/``, with

- ``notebooks/``: every chapter without its solutions (cut out exactly as for the student
  edition, by its own function; the stored outputs are kept, as there);
- ``reference/``: the notation and glossary pages (Markdown, solutions cut out likewise);
- ``infolib-<version>-py3-none-any.whl``: the book's package, built from this checkout;
- ``requirements.txt``: the notebooks' packages pinned as the book pins them, and the wheel;
- ``README.md``: how a student installs and opens it.

It is written to ``_build/bundle/`` and copied to ``_downloads/infolib-book-course.zip`` of
each built site (reader and student edition) that exists, where the pages link to it.

    .venv/bin/python tools/make_bundle.py [--out _build/bundle]
"""

from __future__ import annotations

import argparse
import email.parser
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_pins import bundle_requirements  # noqa: E402
from make_student_edition import strip_notebook, strip_solution_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_PAGES = ("notation.md", "glossary.md")
SITE_NAME = "infolib-book-course.zip"
SITES = (ROOT / "_build" / "html", ROOT / "_build" / "student" / "html")
README_TEMPLATE = Path(__file__).resolve().parent / "course_bundle_README.md"
# Fixed member dates, so that the same sources give the same zip.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
SOURCE_DATE_EPOCH = 1767225600  # the same date, in seconds since 1970 (UTC)


def build_wheel(out_dir: Path) -> Path:
    """Build infolib's wheel from the working tree into ``out_dir``; return its path.

    The package's files are copied to a scratch folder first, so the build leaves no
    ``build/`` or ``*.egg-info`` in the checkout.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        src = Path(scratch) / "src"
        src.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, src / name)
        shutil.copytree(
            ROOT / "infolib", src / "infolib", ignore=shutil.ignore_patterns("__pycache__")
        )
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out_dir),
             str(src)],
            check=True,
            # The wheel's member dates: fixed, so the same sources give the same wheel.
            env={**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)},
        )
    wheels = sorted(out_dir.glob("infolib-*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one infolib wheel in {out_dir}, found {wheels}")
    return wheels[0]


def wheel_version(wheel: Path) -> str:
    """The version in the wheel's own metadata (what pip will install)."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(archive.read(name).decode())["Version"]


def student_notebooks() -> dict[str, str]:
    """Every chapter with its solutions cut out, as notebook JSON by file name."""
    notebooks = {}
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        strip_notebook(nb)
        notebooks[path.name] = nbformat.writes(nb) + "\n"
    return notebooks


def reference_pages() -> dict[str, str]:
    """The reference pages students need, as Markdown with any solution cut out."""
    return {
        name: strip_solution_text((ROOT / "reference" / name).read_text())[0]
        for name in REFERENCE_PAGES
    }


def bundle_members(wheel: Path, version: str) -> dict[str, bytes]:
    """The bundle's files by their path inside the bundle folder."""
    readme = README_TEMPLATE.read_text().format(version=version, wheel=wheel.name)
    members = {
        "README.md": readme.encode(),
        "requirements.txt": bundle_requirements(wheel.name).encode(),
        wheel.name: wheel.read_bytes(),
    }
    members |= {f"notebooks/{n}": t.encode() for n, t in student_notebooks().items()}
    members |= {f"reference/{n}": t.encode() for n, t in reference_pages().items()}
    return members


def write_zip(path: Path, folder: str, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])


def build_bundle(out_dir: Path) -> Path:
    """Write ``infolib-book-course-<version>.zip`` into ``out_dir`` (emptied first)."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(Path(scratch))
        version = wheel_version(wheel)
        folder = f"infolib-book-course-{version}"
        path = out_dir / f"{folder}.zip"
        write_zip(path, folder, bundle_members(wheel, version))
    return path


def copy_into_sites(bundle: Path, sites: tuple[Path, ...] = SITES) -> list[Path]:
    """Copy the bundle to ``_downloads/`` of each built site; return the copies."""
    copies = []
    for site in sites:
        if (site / "index.html").exists():
            target = site / "_downloads" / SITE_NAME
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(bundle, target)
            copies.append(target)
    return copies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "_build" / "bundle"))
    args = parser.parse_args()
    bundle = build_bundle(Path(args.out))
    with zipfile.ZipFile(bundle) as archive:
        count = len(archive.namelist())
    print(f"course bundle: {bundle} ({count} files, {bundle.stat().st_size // 1024} KiB)")
    for copy in copy_into_sites(bundle):
        print(f"  linked from the site: {copy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
