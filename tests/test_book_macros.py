"""The book's TeX macros live in one table (_ext/book_macros.py) and reach both outputs.

Every control sequence in the pages' math (markdown cells, Markdown/LaTeX outputs,
reference pages) is either one that LaTeX with amsmath/amssymb and MathJax both know
(``STANDARD``) or one of the book's macros; the table is written into MathJax's config
and into the LaTeX preamble.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import book_macros  # noqa: E402

# Control sequences of LaTeX (amsmath, amssymb) that MathJax 3 also defines, as the book uses them.
STANDARD = set(
    """
    alpha beta gamma delta varepsilon epsilon eta theta lambda mu pi rho sigma tau phi varphi
    chi psi omega xi Delta Theta Lambda Sigma Gamma Phi Omega ell infty partial nabla
    log exp max min arg sup inf lim sum prod int frac tfrac dfrac sqrt binom
    left right big bigl bigr Big Bigl Bigr bigg biggl biggr middle
    text mathrm mathbb mathcal mathbf operatorname texttt textstyle displaystyle
    hat bar tilde overline underbrace phantom limits
    le leq ge geq ne neq approx sim propto in notin mid to mapsto rightarrow leftarrow
    longrightarrow leftrightarrow Rightarrow iff
    cdot cdots dots ldots times pm ast top lvert rvert lceil rceil lfloor rfloor
    quad qquad begin end
    kappa zeta widehat lVert rVert substack odot det
    """.split()
)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
COMMAND = re.compile(r"\\([A-Za-z]+)")


def page_texts() -> list[tuple[str, str]]:
    """(where, text) for every markdown cell, Markdown/LaTeX output and Markdown page."""
    texts = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for k, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                texts.append((f"{path.name} cell {k}", cell.source))
            for output in cell.get("outputs", []):
                for mime in ("text/latex", "text/markdown"):
                    data = output.get("data", {}).get(mime)
                    if data:
                        texts.append((f"{path.name} cell {k} {mime}", "".join(data)))
    for path in sorted([ROOT / "intro.md", *(ROOT / "reference").glob("*.md")]):
        texts.append((path.name, path.read_text()))
    return texts


def used_commands() -> dict[str, str]:
    """Control sequence -> first place it is used in the pages' math."""
    used: dict[str, str] = {}
    for where, text in page_texts():
        for math in MATH.finditer(CODE.sub("", text)):
            for name in COMMAND.findall(math.group(0)):
                used.setdefault(name, where)
    return used


def test_every_macro_used_is_standard_or_in_the_table() -> None:
    unknown = {
        name: where
        for name, where in used_commands().items()
        if name not in STANDARD and name not in book_macros.MACROS
    }
    assert not unknown, (
        f"macros used but defined nowhere: {unknown}; add them to _ext/book_macros.py "
        "(or to STANDARD here if both LaTeX and MathJax define them)"
    )


def test_every_macro_in_the_table_is_used() -> None:
    used = used_commands()
    assert set(book_macros.MACROS) <= set(used), set(book_macros.MACROS) - set(used)


def test_table_is_the_only_definition() -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    sphinx = config["sphinx"]
    assert "mathjax3_config" not in sphinx.get("config", {})
    assert sphinx["local_extensions"]["book_macros"] == "_ext"


class FakeConfig:
    def __init__(self) -> None:
        self.mathjax3_config = {"options": {"processHtmlClass": "math"}, "tex": {"tags": "ams"}}
        self.latex_elements = {"preamble": r"\usepackage{x}" + "\n"}


def test_macros_reach_mathjax_and_latex() -> None:
    config = FakeConfig()
    book_macros.add_macros(None, config)  # type: ignore[arg-type]
    assert config.mathjax3_config["options"] == {"processHtmlClass": "math"}
    assert config.mathjax3_config["tex"]["tags"] == "ams"
    assert config.mathjax3_config["tex"]["macros"] == book_macros.MACROS
    preamble = config.latex_elements["preamble"]
    assert preamble.startswith(r"\usepackage{x}")
    for name, body in book_macros.MACROS.items():
        assert rf"\renewcommand{{\{name}}}{{{body}}}" in preamble


def test_site_mathjax_has_the_macros() -> None:
    page = ROOT / "_build" / "html" / "intro.html"
    if not page.is_file():
        pytest.skip("site not built (make book)")
    html = page.read_text()
    for name in book_macros.MACROS:
        assert f'"{name}": ' in html, name


def test_pdf_preamble_has_the_macros() -> None:
    tex = ROOT / "_build" / "latex" / "book.tex"
    if not tex.is_file():
        pytest.skip("PDF not built (make pdf)")
    preamble = tex.read_text().split(r"\begin{document}")[0]
    for name, body in book_macros.MACROS.items():
        assert rf"\renewcommand{{\{name}}}{{{body}}}" in preamble, name
