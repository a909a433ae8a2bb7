"""LaTeX settings of the PDF edition (``make pdf``) that _config.yml cannot hold.

sphinx-jupyterbook-latex (Jupyter Book's LaTeX helper: parts from the table of contents'
captions, the bibliography at the end) also switches Sphinx to its own ``jupyterBook``
document class, which loads ``bbm.sty``; Debian ships that only in texlive-fonts-extra
(about 1.4 GB installed). The book uses none of the class's macros, so this extension
switches back to Sphinx's own ``manual`` class after that helper ran, keeping everything
else it does, and defines the two environments MyST-NB wraps code cells in (input on a
grey ground, output indented under it). It also drops the index (the book has no index
entries; without one, latexmk need not run xindy).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.writers.latex import LaTeXTranslator
from sphinx_exercise.nodes import (
    depart_exercise_enumerable_node,
    exercise_enumerable_node,
    visit_exercise_enumerable_node,
)

# MyST-NB writes each code cell as \begin{sphinxVerbatimInput} / \begin{sphinxVerbatimOutput}
# around Sphinx's own verbatim box (whose colours these set).
PREAMBLE = r"""
% Code cells of the notebooks (_ext/pdf_edition.py)
\usepackage[strict]{changepage}
\definecolor{CellInputGround}{RGB}{245,245,245}
\definecolor{CellInputFrame}{RGB}{200,200,200}
\definecolor{CellOutputGround}{RGB}{255,255,255}
\definecolor{CellOutputFrame}{RGB}{225,225,225}
\newenvironment{sphinxVerbatimInput}
  {\colorlet{VerbatimColor}{CellInputGround}\colorlet{VerbatimBorderColor}{CellInputFrame}%
   \begin{adjustwidth}{0pt}{0pt}}
  {\end{adjustwidth}}
\newenvironment{sphinxVerbatimOutput}
  {\colorlet{VerbatimColor}{CellOutputGround}\colorlet{VerbatimBorderColor}{CellOutputFrame}%
   \begin{adjustwidth}{1.5em}{0pt}}
  {\end{adjustwidth}}
% The self-checks print these two marks; FreeMono has no glyph for them, Symbola has.
\usepackage{newunicodechar}
\newfontfamily\markfont{Symbola}
\newunicodechar{✅}{{\markfont ✅}}
\newunicodechar{❌}{{\markfont ❌}}
% \bookexerciselabel{NUMBER}{KEY}: a label whose \ref prints the exercise's NUMBER.
\makeatletter
\newcommand{\bookexerciselabel}[2]{\phantomsection\def\@currentlabel{#1}\label{#2}}
% The table of contents' captions already say "Part I: ...", and "Getting started" is no
% part of that count: LaTeX's own part numbers would print "II Part I: ...". The first
% part holds chapter 0 (the reading guide), so that chapter, section and theorem numbers
% are the site's: Shannon entropy is chapter 1, as 01_entropy is.
\let\book@numberedpart\part
\newif\ifbook@firstpart \book@firstparttrue
\renewcommand{\part}[1]{\cleardoublepage\phantomsection\addcontentsline{toc}{part}{#1}%
  \book@numberedpart*{#1}%
  \ifbook@firstpart\setcounter{chapter}{-1}\global\book@firstpartfalse\fi}
\makeatother
"""


def use_manual_class(app: Sphinx, config: Config) -> None:
    """Sphinx's ``manual`` class with the cell environments; no index."""
    config.latex_theme = "manual"
    config.latex_use_xindy = False
    # sphinx-proof's "Proof index" lists raw labels (def-ce, thm-kl-gibbs, ...): not for readers.
    config.latex_domain_indices = False
    elements = dict(config.latex_elements or {})
    elements["printindex"] = ""
    elements["preamble"] = elements.get("preamble", "") + PREAMBLE
    config.latex_elements = elements


def visit_exercise(self: LaTeXTranslator, node: nodes.Element) -> None:
    """sphinx-exercise's LaTeX visitor plus the label a ``{ref}`` to the exercise points to.

    sphinx-exercise labels an exercise ``exercise:NAME`` only, while Sphinx writes a
    ``{ref}`` to it as ``\\ref{DOC:NAME}``, which LaTeX cannot resolve ("??"). The extra
    label carries the exercise's number ("1.9.1", from its title) as its ``\\ref`` text.
    """
    title = node.children[0].astext() if node.children else ""
    found = re.search(r"\d+(?:\.\d+)*", title)
    number = found.group(0) if found else ""
    docname = node.get("docname") or self.curfilestack[-1]
    for name in node.get("ids", []):
        key = self.idescape(f"{docname}:{name}")
        self.body.append(rf"\bookexerciselabel{{{number}}}{{{key}}}" + "\n")
    visit_exercise_enumerable_node(self, node)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exercise")
    app.add_node(
        exercise_enumerable_node,
        override=True,
        latex=(visit_exercise, depart_exercise_enumerable_node),
    )
    # After sphinx-jupyterbook-latex's own config-inited handler (priority 500).
    app.connect("config-inited", use_manual_class, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
