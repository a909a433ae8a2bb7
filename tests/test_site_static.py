"""The built site references no third-party host for scripts, styles, fonts or images.

Reads every HTML and CSS file of `_build/html` (and of the student edition when built)
and fails on any `http(s)://` or protocol-relative (`//host`) reference in a script
`src`, a stylesheet/icon/font/preload `href`, an image or media `src`/`srcset`, or a
CSS `url(...)` / `@import`. Links the reader clicks (`<a href>`) are allowed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITES = [p for p in (ROOT / "_build" / "html", ROOT / "_build" / "student" / "html")]

TAG = re.compile(r"<(script|link|img|source|iframe|video|audio|embed|object)\b[^>]*>", re.I)
ATTR = re.compile(r"""\b(src|href|srcset|data)\s*=\s*["']([^"']*)["']""", re.I)
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""", re.I)
EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.I)


def external_references(html: str) -> list[str]:
    found = []
    for tag in TAG.finditer(html):
        name = tag.group(1).lower()
        for attr, value in ATTR.findall(tag.group(0)):
            if name == "link" and attr.lower() == "href":
                rel = re.search(r"""rel\s*=\s*["']([^"']*)["']""", tag.group(0), re.I)
                kinds = (rel.group(1).lower() if rel else "").split()
                if not set(kinds) & {
                    "stylesheet",
                    "icon",
                    "preload",
                    "modulepreload",
                    "prefetch",
                    "manifest",
                    "apple-touch-icon",
                }:
                    continue
            urls = [u.split()[0] for u in value.split(",")] if attr.lower() == "srcset" else [value]
            found += [f"<{name} {attr}={u}>" for u in urls if u and EXTERNAL.match(u)]
    for style in re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S | re.I):
        found += [f"style url({u})" for u in CSS_URL.findall(style) if EXTERNAL.match(u)]
    return found


def test_detector_catches_external_references():
    page = (
        '<script src="https://cdn.example/mathjax.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/font.css">'
        '<img src="http://example/x.png"><a href="https://github.com/x">repo</a>'
        "<style>@font-face { src: url(https://fonts.example/f.woff2) }</style>"
        '<script src="_static/local.js"></script>'
    )
    found = external_references(page)
    assert len(found) == 4
    assert not any("github" in f or "local" in f for f in found)


@pytest.mark.parametrize("site", SITES, ids=["reader", "student"])
def test_no_third_party_resources(site):
    if not (site / "index.html").exists():
        pytest.skip(f"{site.relative_to(ROOT)} not built (make book / make student)")
    problems = []
    for path in sorted(site.rglob("*.html")):
        problems += [
            f"{path.relative_to(site)}: {r}" for r in external_references(path.read_text())
        ]
    for path in sorted(site.rglob("*.css")):
        for url in CSS_URL.findall(path.read_text(errors="replace")):
            if EXTERNAL.match(url):
                problems.append(f"{path.relative_to(site)}: url({url})")
    assert problems == [], "\n".join(problems[:20])
