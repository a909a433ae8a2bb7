"""Stored notebook outputs do not depend on the last bits of a float.

nbval compares every stored output with a fresh run, so an output that prints a
float's full repr (``0.7641509472764108``) or glues one (``glue()`` stores the repr)
fails on the next CPU or numpy release. Outputs must print rounded values, and
deviations as bounds. A printed ``-0.000`` is flagged too: it is a value that is zero
up to rounding, whose sign depends on the bits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d+(?:[eE][+-]?\d+)?")
NEGATIVE_ZERO = re.compile(r"(?<![\w.\d])-0\.0+(?![\d.]*[1-9])(?:[eE][+-]?\d+)?\b")
MAX_DIGITS = 11  # a float printed to 12 or more significant digits is a repr


def significant_digits(number: str) -> int:
    mantissa = re.split(r"[eE]", number.lstrip("-"))[0].replace(".", "")
    return len(mantissa.lstrip("0"))


def stored_texts(path: Path):
    """(cell index, kind, text) of every stored text output, glue records included."""
    nb = json.loads(path.read_text())
    for k, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                yield k, "stream", "".join(out["text"])
            for mime, value in out.get("data", {}).items():
                if mime.endswith("text/plain") or mime.endswith("text/latex"):
                    text = "".join(value) if isinstance(value, list) else str(value)
                    yield k, mime, text


def test_the_checks_find_reprs_and_negative_zeros():
    assert significant_digits("0.7641509472764108") == 16
    assert significant_digits("1.0986e-03") == 5
    assert NEGATIVE_ZERO.search("gap -0.000000 nats")
    assert not NEGATIVE_ZERO.search("gap -0.000100 nats")
    assert not NEGATIVE_ZERO.search("x = 10.000")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_stored_output_prints_the_last_bits_of_a_float(notebook):
    problems = []
    for cell, kind, text in stored_texts(notebook):
        for number in NUMBER.findall(text):
            if significant_digits(number) > MAX_DIGITS:
                problems.append(f"cell {cell} ({kind}): {number}")
        for zero in NEGATIVE_ZERO.findall(text):
            problems.append(f"cell {cell} ({kind}): negative zero {zero!r}")
    assert not problems, f"{notebook.name}: unportable outputs\n" + "\n".join(problems)
