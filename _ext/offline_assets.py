"""Serve MathJax from the built site itself, so every page typesets offline.

Jupyter Book 1 loads MathJax 3 from a CDN by default: offline, or behind a strict
firewall, a reader then sees raw TeX. This extension copies the MathJax 3 bundle that
``pip`` installed (the ``django-static-mathjax`` package, pinned in requirements.txt)
into ``_build/html/_static/mathjax/`` and points Sphinx's ``mathjax_path`` at it.

The files are copied at the end of the build, not placed in a static path: Jupyter Book
adds every ``.js`` file of its static paths to every page, which would load MathJax twice.

It also drops sphinx-thebe's scripts from every page. Jupyter Book always loads that
extension; this book does not use live code cells (thebe is off in ``_config.yml``), yet
each page declared ``THEBE_JS_URL`` (a third-party address) twice, which is a JavaScript
error ("Identifier 'THEBE_JS_URL' has already been declared").
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


def _is_thebe(script: object) -> bool:
    filename = getattr(script, "filename", None) or str(script)
    body = (getattr(script, "attributes", None) or {}).get("body", "")
    return "thebe" in filename.lower() or "THEBE" in body


def drop_thebe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe(s)]


def setup(app: Sphinx) -> dict:
    mathjax_source()  # fail early, with a clear message, if the bundle is missing
    # Relative paths are resolved against _static/ by Sphinx.
    app.config.mathjax_path = f"mathjax/{MATHJAX_FILE}"
    app.connect("build-finished", copy_mathjax)
    app.connect("html-page-context", drop_thebe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
