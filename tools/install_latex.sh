#!/usr/bin/env bash
# Install what `make pdf` needs to turn the book's LaTeX into a PDF, if it is missing:
# Debian's XeLaTeX (texlive-xetex), the LaTeX packages Sphinx's LaTeX writer loads
# (texlive-latex-extra, texlive-fonts-recommended), latexmk (which runs XeLaTeX until the
# cross-references settle), the GNU FreeFont OpenType fonts (Sphinx's default fonts for
# XeLaTeX; they cover the Greek, math and box-drawing characters in the notebooks'
# outputs), Symbola (the ✅ and ❌ of the self-checks) and poppler-utils (pdftotext, pdftoppm: the PDF tests read the built book).
# Unlike install_chromium.sh this one fails when it cannot install: there is no PDF
# without a TeX system.
set -euo pipefail
PACKAGES=(texlive-xetex texlive-latex-extra texlive-fonts-recommended latexmk
  fonts-freefont-otf fonts-symbola poppler-utils)
missing=0
for tool in xelatex latexmk pdftotext; do
  command -v "$tool" >/dev/null 2>&1 || missing=1
done
fc-list 2>/dev/null | grep -q FreeSerif || missing=1
fc-list 2>/dev/null | grep -q Symbola || missing=1
if [ "$missing" = "0" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: make pdf needs xelatex, latexmk, pdftotext and the FreeFont and Symbola fonts;" >&2
  echo "install the Debian packages ${PACKAGES[*]} (needs root and apt-get)" >&2
  exit 1
fi
echo "installing ${PACKAGES[*]} (Debian) for the PDF edition..."
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt-get (up to 10 minutes) instead of failing on its lock.
apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "LaTeX installed in $(( $(date +%s) - start )) s: $(command -v xelatex)"
