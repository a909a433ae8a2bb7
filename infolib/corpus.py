r"""The book's own text as a small corpus (chapter 11's language models).

A snapshot of the prose (markdown cells) of chapters 00-09, written by
``tools/make_book_corpus.py`` and shipped with the package in
``infolib/data/book_text/<chapter>.txt``. The snapshot is frozen on purpose: the
chapters' prose may be edited later, and chapter 11's stored outputs must not
move with it. What the tool keeps and drops (formulas, directives, roles) is
described in its docstring and in chapter 11.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["BOOK_TEXT_CHAPTERS", "book_text"]

#: The chapters whose prose the snapshot holds, in reading order.
BOOK_TEXT_CHAPTERS: tuple[str, ...] = (
    "00_how_to_read",
    "01_entropy",
    "02_cross_entropy",
    "03_kl_divergence",
    "04_maximum_likelihood",
    "05_equivalence",
    "06_classification",
    "07_continuous_models",
    "08_forward_reverse_kl",
    "09_numerical_stability",
)


def book_text(chapter: str) -> str:
    """The snapshot of the prose of ``chapter`` (e.g. ``"01_entropy"``) as one string.

    Examples
    --------
    >>> text = book_text("01_entropy")
    >>> len(text) > 10_000 and text.startswith("Shannon entropy")
    True

    See Also
    --------
    infolib.ngram.fit_ngram_counts
    """
    if chapter not in BOOK_TEXT_CHAPTERS:
        raise ValueError(f"chapter must be one of {BOOK_TEXT_CHAPTERS} (got {chapter!r})")
    path = resources.files("infolib") / "data" / "book_text" / f"{chapter}.txt"
    return path.read_text(encoding="utf-8")
