"""HTML that passes the WCAG 2.1 A/AA checks of axe-core: citation lists, hidden cells.

docutils writes a bibliography as ``<div role="list">`` holding ``<div
role="doc-biblioentry">`` entries. DPUB-ARIA 1.1 deprecates ``doc-biblioentry``, and a
``list`` must own ``listitem`` children, so axe reports aria-deprecated-role and
aria-required-children. Here each entry is a ``listitem`` of that list.

MyST-NB gives the toggle of a ``hide-input`` cell the name "Toggle hidden content", which
is not the text it shows ("Show code cell source"): a speech-input user who says what they
see cannot reach it (label-content-name-mismatch, WCAG 2.5.3). Here the toggle has no
aria-label, so its name is its visible text.
"""

from __future__ import annotations

from html import escape

from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class AccessibleHTML5Translator(HTML5Translator):
    def visit_citation(self, node) -> None:
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def visit_hide_cell_input(self: HTML5Translator, node) -> None:
    """MyST-NB's toggle of a hidden code cell, named by the text it shows."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def setup(app: Sphinx) -> dict:
    # MyST-NB first, so that its node is registered before this override of its HTML.
    app.setup_extension("myst_nb")
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

    app.add_node(
        HideCodeCellNode, override=True, html=(visit_hide_cell_input, depart_HideCellInput)
    )
    # pydata-sphinx-theme mixes its Bootstrap changes into this translator at builder-inited.
    app.set_translator("html", AccessibleHTML5Translator, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
