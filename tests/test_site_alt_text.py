"""Every image of both editions has an alt text that says something (WCAG 1.1.1).

Reads every page of `_build/html` and `_build/student/html` (when built) and fails on an
<img> whose alt is missing, empty, or a file name or path (what MyST-NB writes for a
notebook figure without `mystnb: image: alt:` in its cell metadata). An image marked as
decorative (role="presentation"/"none" or aria-hidden="true") may have an empty alt.
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITES = {"reader": ROOT / "_build" / "html", "student": ROOT / "_build" / "student" / "html"}
FILE_NAME = re.compile(r"\.(png|jpe?g|gif|svg|webp|pdf)\s*$|_images/|^[\w.-]*/[\w./-]*$", re.I)
MIN_WORDS = 3  # for a figure (an image in _images/); an icon's alt may just name it


class _Images(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def images(page: str) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(page)
    return parser.images


def alt_problem(img: dict[str, str | None]) -> str | None:
    """What is wrong with the alt text of one <img> (None when nothing is)."""
    decorative = img.get("role") in {"presentation", "none"} or img.get("aria-hidden") == "true"
    alt = img.get("alt")
    src = img.get("src") or ""
    if alt is None:
        return "no alt attribute"
    alt = alt.strip()
    if not alt:
        return None if decorative else "empty alt"
    if alt == src or alt == src.rsplit("/", 1)[-1] or FILE_NAME.search(alt):
        return f"alt is a file name: {alt!r}"
    if "_images/" in src and len(alt.split()) < MIN_WORDS:  # a figure, not an icon
        return f"alt too short to say what the figure shows: {alt!r}"
    return None


def test_detector_flags_file_names_and_empty_alts():
    bad = (
        '<img src="../_images/abc.png" alt="../_images/abc.png">'
        '<img src="x.png" alt="x.png"><img src="y.svg"><img src="z.png" alt="">'
        '<img src="f.png" alt="chapters/figure"><img src="_images/g.png" alt="a plot">'
    )
    good = (
        '<img src="a.png" alt="Line plot of the binary entropy against theta">'
        '<img src="logo.svg" alt="" role="presentation"><img src="b.svg" alt="Binder logo">'
    )
    assert all(alt_problem(i) for i in images(bad))
    assert not any(alt_problem(i) for i in images(good))


@pytest.mark.parametrize("edition", SITES)
def test_every_image_has_a_real_alt_text(edition):
    site = SITES[edition]
    if not (site / "intro.html").exists():
        pytest.skip(f"{site.relative_to(ROOT)} not built (make book / make student)")
    problems, count = [], 0
    for path in sorted(site.rglob("*.html")):
        if path.parts[len(site.parts)] in {"_static", "_sources", "_images"}:
            continue
        for img in images(path.read_text()):
            count += 1
            if problem := alt_problem(img):
                problems.append(f"{path.relative_to(site)}: {img.get('src')}: {problem}")
    assert count > 10, f"only {count} images found in {site}: is the site complete?"
    assert problems == [], f"{len(problems)} image(s) without a real alt text:\n" + "\n".join(
        problems
    )
