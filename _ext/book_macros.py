"""The book's TeX macros, defined once for the site (MathJax) and the PDF (LaTeX).

Chapters write ``\\KL(p\\,\\|\\,q)`` and ``\\E_p[\\cdot]``; MathJax needs them in
``mathjax3_config`` and XeLaTeX needs them as ``\\newcommand``s in the preamble. This
extension holds the one table, ``MACROS``, and writes both at config time, so a macro
added here reaches the site and the PDF alike (``tests/test_book_macros.py`` checks
that every macro the pages use is in the table).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

# name -> TeX body (no arguments: none of the book's macros takes one)
MACROS: dict[str, str] = {
    "KL": r"D_{\mathrm{KL}}",
    "E": r"\mathbb{E}",
    "R": r"\mathbb{R}",
}


def mathjax_macros() -> dict[str, str]:
    """The table as MathJax 3 wants it under ``tex.macros``."""
    return dict(MACROS)


def latex_definitions() -> str:
    """The table as LaTeX preamble lines (``\\providecommand`` then ``\\renewcommand``,
    so a macro a LaTeX package already defines is replaced, never an error)."""
    lines = ["% The book's macros (_ext/book_macros.py)"]
    for name, body in MACROS.items():
        lines.append(rf"\providecommand{{\{name}}}{{}}\renewcommand{{\{name}}}{{{body}}}")
    return "\n".join(lines) + "\n"


def add_macros(app: Sphinx, config: Config) -> None:
    """Merge the table into ``mathjax3_config`` and the LaTeX preamble."""
    mathjax: dict[str, Any] = dict(config.mathjax3_config or {})
    tex = dict(mathjax.get("tex", {}))
    tex["macros"] = {**tex.get("macros", {}), **mathjax_macros()}
    mathjax["tex"] = tex
    config.mathjax3_config = mathjax
    elements = dict(config.latex_elements or {})
    elements["preamble"] = elements.get("preamble", "") + latex_definitions()
    config.latex_elements = elements


def setup(app: Sphinx) -> dict[str, Any]:
    # Early priority: other extensions that touch mathjax3_config then see the macros.
    app.connect("config-inited", add_macros, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
