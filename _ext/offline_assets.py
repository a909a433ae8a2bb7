"""Serve MathJax from the built site itself, so every page typesets offline.

Jupyter Book 1 loads MathJax 3 from a CDN by default: offline, or behind a strict
firewall, a reader then sees raw TeX. This extension copies the MathJax 3 bundle that
``pip`` installed (the ``django-static-mathjax`` package, pinned in requirements.txt)
into ``_build/html/_static/mathjax/`` and points Sphinx's ``mathjax_path`` at it.

The files are copied at the end of the build, not placed in a static path: Jupyter Book
adds every ``.js`` file of its static paths to every page, which would load MathJax twice.
"""

from __future__ import annotations

import importlib.resources
import shutil
from pathlib import Path

from sphinx.application import Sphinx

MATHJAX_FILE = "tex-chtml-full.js"  # TeX input, CommonHTML output, all TeX extensions bundled
FONTS = Path("output") / "chtml" / "fonts" / "woff-v2"


def mathjax_source() -> Path:
    """Folder of the installed MathJax 3 ``es5`` bundle."""
    root = importlib.resources.files("mathjax") / "static" / "mathjax" / "es5"
    path = Path(str(root))
    if not (path / MATHJAX_FILE).is_file():
        raise RuntimeError(f"MathJax bundle not found at {path}; pip install -r requirements.txt")
    return path


def copy_mathjax(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / MATHJAX_FILE, target / MATHJAX_FILE)
    shutil.copytree(source / FONTS, target / FONTS, dirs_exist_ok=True)


def setup(app: Sphinx) -> dict:
    mathjax_source()  # fail early, with a clear message, if the bundle is missing
    # Relative paths are resolved against _static/ by Sphinx.
    app.config.mathjax_path = f"mathjax/{MATHJAX_FILE}"
    app.connect("build-finished", copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
