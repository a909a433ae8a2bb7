"""The edition in the footer of every page, and repository buttons only for a real repository.

Two jobs, both read from the one place where each setting is written:

* **Version and licence.** The book's edition and the infolib package share one version,
  ``__version__`` in ``infolib/__init__.py`` (pyproject.toml reads it from there too). It is
  read from the source file, not imported, so the student edition's copy of the sources
  reports its own version. Every page's footer then says which edition the reader is looking
  at, that the text is CC BY 4.0 and the code MIT, and links to the Errata page.
* **Repository buttons.** ``repository.url`` in ``_config.yml`` is the only place the
  repository's address is written. While it is empty (no public repository yet), the
  repository, issue, edit and source buttons and every launch button (Binder, Colab, ...) are
  switched off, so no page links to an address that does not exist; once it is set, the
  repository button and the launch buttons of ``launch_buttons`` appear.
"""

from __future__ import annotations

import ast
from html import escape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

VERSION_FILE = Path("infolib") / "__init__.py"
ERRATA_PAGE = "reference/errata"
CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/"
REPOSITORY_BUTTONS = (
    "use_repository_button",
    "use_issues_button",
    "use_edit_page_button",
    "use_source_button",
)
LAUNCH_KEYS = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url", "jupyterlite_url")


def read_version(root: Path) -> str:
    """``__version__`` as written in ``root/infolib/__init__.py`` (the file is not imported)."""
    path = Path(root) / VERSION_FILE
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
            raise RuntimeError(
                f"{path}: __version__ must be a string literal, not {ast.dump(value)}"
            )
    raise RuntimeError(f"{path} assigns no __version__")


def footer_html(version: str, errata_href: str) -> str:
    """The footer line: edition, licences of text and code, link to the errata."""
    return (
        f'<p class="edition-footer">Edition {escape(version)}. '
        f'Text licensed under <a href="{CC_BY_URL}" rel="license">CC BY 4.0</a>; '
        "code (infolib and the notebooks' cells) under the MIT licence. "
        f'What changed between editions: <a href="{escape(errata_href)}">Errata</a>.</p>'
    )


def switch_repository_buttons(theme_options: dict) -> bool:
    """Turn the repository and launch buttons on or off by ``repository_url``; say which.

    Changes ``theme_options`` (sphinx-book-theme's ``html_theme_options``) in place.
    """
    url = str(theme_options.get("repository_url") or "").strip()
    launch = dict(theme_options.get("launch_buttons") or {})
    if url:
        theme_options["repository_url"] = url
        # Jupyter Book's defaults say False; the URL is the switch.
        theme_options["use_repository_button"] = True
        return True
    theme_options.pop("repository_url", None)
    for key in REPOSITORY_BUTTONS:
        theme_options[key] = False
    for key in LAUNCH_KEYS:
        launch.pop(key, None)
    launch["thebe"] = False
    theme_options["launch_buttons"] = launch
    return False


def configure(app: Sphinx, config: Config) -> None:
    version = read_version(Path(app.srcdir))
    config.version = config.release = version
    options = dict(config.html_theme_options or {})
    switch_repository_buttons(options)
    config.html_theme_options = options


def add_footer(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    context["theme_extra_footer"] = footer_html(app.config.release, context["pathto"](ERRATA_PAGE))


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", configure)
    app.connect("html-page-context", add_footer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
