"""HTML that passes the WCAG 2.1 A/AA checks of axe-core: citation lists.

docutils writes a bibliography as ``<div role="list">`` holding ``<div
role="doc-biblioentry">`` entries. DPUB-ARIA 1.1 deprecates ``doc-biblioentry``, and a
``list`` must own ``listitem`` children, so axe reports aria-deprecated-role and
aria-required-children. Here each entry is a ``listitem`` of that list.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class AccessibleHTML5Translator(HTML5Translator):
    def visit_citation(self, node) -> None:
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Sphinx) -> dict:
    # pydata-sphinx-theme mixes its Bootstrap changes into this translator at builder-inited.
    app.set_translator("html", AccessibleHTML5Translator, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
