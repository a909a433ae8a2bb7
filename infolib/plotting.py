"""The book's figure style: legible in light and dark mode, deterministic PNGs.

Figures are drawn on an opaque white background with dark ink, so they read the
same when the site is shown in dark mode, and use a colour-blind-safe palette
(Okabe and Ito). Call :func:`use_book_style` once per notebook.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PALETTE", "use_book_style"]

#: Okabe-Ito colour-blind-safe colours, in the order the book uses them.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
)


def use_book_style(**overrides: Any) -> dict[str, Any]:
    """Apply the book's matplotlib settings and return them.

    Parameters
    ----------
    **overrides
        rcParams to change on top of the book's defaults (use ``_`` for ``.``,
        e.g. ``figure_dpi=150``).

    Examples
    --------
    >>> settings = use_book_style()
    >>> settings["figure.facecolor"]
    'white'
    """
    import matplotlib as mpl
    from cycler import cycler

    settings: dict[str, Any] = {
        "figure.figsize": (6.4, 4.0),
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.transparent": False,
        "axes.edgecolor": "#222222",
        "axes.labelcolor": "#111111",
        "text.color": "#111111",
        "xtick.color": "#222222",
        "ytick.color": "#222222",
        "axes.grid": True,
        "grid.color": "#dddddd",
        "grid.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "font.size": 11,
        "axes.titlesize": 12,
        "axes.labelsize": 11,
        "legend.fontsize": 10,
        "legend.frameon": False,
        "lines.linewidth": 2.0,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "image.cmap": "viridis",
        # Reproducible image bytes: no software version or dates in the PNGs.
        "svg.hashsalt": "infolib",
    }
    settings.update({key.replace("_", "."): value for key, value in overrides.items()})
    mpl.rcParams.update(settings)
    return settings
