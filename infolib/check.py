"""Self-checks for the book's exercises: "correct" or "not yet", with a hint.

A student computes an answer in a notebook and asks::

    >>> from infolib import check
    >>> check.exercise("kl-bernoulli-bits", 0.2075).correct
    True

The answer key does not hold the expected answers in readable form:

* a **number** is stored as salted SHA-256 hashes of the expected value rounded
  to a stated number of significant digits; an answer is accepted when it
  rounds to the same digits, which is a relative tolerance of about
  ``10**(1 - digits)``;
* an **expression** is stored obfuscated (compressed and XOR-ed with the salt,
  not encrypted: a determined reader can decode it, a glance cannot) and
  compared with SymPy by simplifying the difference to zero.

Bad answers (a string where a number is expected, NaN, an expression with
unknown symbols) give a "not yet" message that says what is wrong, never a
traceback. Used in the exercises of every chapter.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from numbers import Real
from typing import Any

__all__ = [
    "Feedback",
    "exercise",
    "exercises",
    "make_expression_entry",
    "make_number_entry",
    "same_expression",
]

_KEY_FILE = "exercise_key.json"


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer; prints as one line and shows in notebooks."""

    exercise: str
    correct: bool
    message: str

    def __str__(self) -> str:
        mark = "✅ correct" if self.correct else "❌ not yet"
        return f"{self.exercise}: {mark}. {self.message}".rstrip()

    def __bool__(self) -> bool:
        return self.correct

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


# ------------------------------------------------------------------ encoding


def _hash_number(salt: str, text: str) -> str:
    return hashlib.sha256(f"{salt}:{text}".encode()).hexdigest()


def _rounded(value: float, digits: int) -> str:
    """``value`` rounded to ``digits`` significant digits, as canonical text."""
    if value == 0.0:
        return "0"
    text = f"{value:.{digits - 1}e}"
    return "0" if float(text) == 0.0 else text


def _xor(data: bytes, salt: str) -> bytes:
    key = hashlib.sha256(salt.encode()).digest()
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))


def _encode_expression(srepr: str, salt: str) -> str:
    return base64.b64encode(_xor(zlib.compress(srepr.encode()), salt)).decode()


def _decode_expression(blob: str, salt: str) -> str:
    return zlib.decompress(_xor(base64.b64decode(blob), salt)).decode()


def make_number_entry(
    exercise_id: str, answer: float, *, digits: int = 4, hint: str = "", unit: str = ""
) -> dict[str, Any]:
    """Answer-key entry for a numeric exercise (for authors; see ``tools/``).

    The value is stored only as salted hashes of its rounding to ``digits``
    significant digits.

    Examples
    --------
    >>> entry = make_number_entry("demo", 1.0, digits=3)
    >>> sorted(entry)
    ['digits', 'hashes', 'hint', 'kind', 'salt', 'unit']
    >>> "1.00" in json.dumps(entry)
    False
    """
    if not isinstance(answer, Real) or not math.isfinite(float(answer)):
        raise ValueError(f"answer must be a finite number (got {answer!r})")
    if not isinstance(digits, int) or not 1 <= digits <= 15:
        raise ValueError(f"digits must be an integer in 1..15 (got {digits!r})")
    salt = hashlib.sha256(f"infolib-check:{exercise_id}".encode()).hexdigest()[:16]
    value = float(answer)
    return {
        "kind": "number",
        "salt": salt,
        "digits": digits,
        "hashes": [_hash_number(salt, _rounded(value, digits))],
        "hint": hint,
        "unit": unit,
    }


def make_expression_entry(exercise_id: str, answer: Any, *, hint: str = "") -> dict[str, Any]:
    """Answer-key entry for an exercise whose answer is a SymPy expression.

    Examples
    --------
    >>> import sympy
    >>> entry = make_expression_entry("demo-expr", sympy.log(sympy.Symbol("n")))
    >>> entry["kind"], "log" in json.dumps(entry)
    ('expression', False)
    """
    import sympy as sp

    expr = sp.sympify(answer)
    salt = hashlib.sha256(f"infolib-check:{exercise_id}".encode()).hexdigest()[:16]
    return {
        "kind": "expression",
        "salt": salt,
        "blob": _encode_expression(sp.srepr(expr), salt),
        "hint": hint,
    }


# ------------------------------------------------------------------ checking


@cache
def _key() -> dict[str, dict[str, Any]]:
    text = resources.files("infolib").joinpath(_KEY_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def exercises() -> list[str]:
    """Identifiers of the exercises that have a self-check, sorted.

    Examples
    --------
    >>> "kl-bernoulli-bits" in exercises()
    True
    """
    return sorted(_key())


def _as_float(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    try:
        import numpy as np

        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None
    if arr.size != 1:
        return None
    return float(arr.reshape(()))


def _check_number(exercise_id: str, entry: dict[str, Any], answer: Any) -> Feedback:
    value = _as_float(answer)
    if value is None:
        return Feedback(
            exercise_id,
            False,
            f"The answer should be a single number, got {type(answer).__name__} {answer!r:.60}.",
        )
    if not math.isfinite(value):
        return Feedback(exercise_id, False, f"The answer is {value}; expected a finite number.")
    digits = int(entry["digits"])
    salt = entry["salt"]
    # Accept an answer within half a unit of the last kept digit on either side,
    # so that an answer on the other side of a rounding boundary still counts.
    step = 0.5 * 10 ** (math.floor(math.log10(abs(value))) - digits + 1) if value else 0.0
    candidates = {_rounded(v, digits) for v in (value - step, value, value + step)}
    if any(_hash_number(salt, c) in entry["hashes"] for c in candidates):
        unit = f" {entry['unit']}" if entry.get("unit") else ""
        return Feedback(
            exercise_id, True, f"Your answer {value:.{digits}g}{unit} matches to {digits} digits."
        )
    hint = entry.get("hint") or ""
    return Feedback(
        exercise_id,
        False,
        f"Checked to {digits} significant digits. {hint}".strip(),
    )


#: Names SymPy's parser would read as its own objects (N is numerical evaluation, S the
#: singleton registry, O the order symbol, Q the assumption predicates), which answers in
#: this book use as symbols (N is the sample size). E and I keep their meaning (e, i).
_SYMBOL_NAMES = ("N", "O", "Q", "S")


def _parse(answer: Any) -> Any:
    """An answer (a SymPy expression or a string) as a SymPy expression."""
    import sympy as sp

    if isinstance(answer, str):
        return sp.parse_expr(answer, local_dict={name: sp.Symbol(name) for name in _SYMBOL_NAMES})
    return sp.sympify(answer)


def same_expression(
    answer: Any, expected: Any, *, exercise_id: str = "answer", hint: str = ""
) -> Feedback:
    """Whether ``answer`` equals ``expected`` as a SymPy expression.

    The self-checks' comparison, for graders (the course's autograded homework uses it):
    symbols are matched by name (a student's symbols may carry other assumptions), and
    the answer is correct when SymPy simplifies the difference to zero, with log rules
    applied as for positive quantities, so that ``log(a/b)`` and ``log(a) - log(b)``
    count as the same answer.

    Parameters
    ----------
    answer, expected : sympy expression or str
        Strings are parsed with ``N``, ``O``, ``Q`` and ``S`` read as plain symbols.
    exercise_id : str, optional
        The name the feedback carries.
    hint : str, optional
        Added to the feedback when the answer is not right.

    Returns
    -------
    Feedback
        ``.correct`` and a message; an unreadable answer or a symbol the expected
        expression lacks is a wrong answer with a message saying so, never an exception.

    Examples
    --------
    >>> import sympy as sp
    >>> p = sp.Symbol("p", positive=True)
    >>> bool(same_expression("log(p/2)", sp.log(p) - sp.log(2)))
    True
    >>> bool(same_expression("p**2", p))
    False

    See Also
    --------
    exercise : the self-check of an exercise of the book.
    """
    from tokenize import TokenError

    import sympy as sp

    expected = _parse(expected)
    try:
        # Compare by name: the student's symbols may carry other assumptions.
        given = _parse(answer)
    except (sp.SympifyError, TypeError, SyntaxError, TokenError):
        return Feedback(
            exercise_id,
            False,
            f"The answer {answer!r:.60} could not be read as a SymPy expression.",
        )
    by_name = {s.name: s for s in expected.free_symbols}
    given = given.subs({s: by_name[s.name] for s in given.free_symbols if s.name in by_name})
    extra = sorted(s.name for s in given.free_symbols if s.name not in by_name)
    if extra:
        return Feedback(
            exercise_id, False, f"The answer uses symbols the exercise does not have: {extra}."
        )
    difference = given - expected
    if sp.simplify(difference) == 0 or sp.simplify(sp.expand_log(difference, force=True)) == 0:
        return Feedback(exercise_id, True, "SymPy simplifies the difference to zero.")
    return Feedback(
        exercise_id, False, f"SymPy could not simplify the difference to zero. {hint}".strip()
    )


def _check_expression(exercise_id: str, entry: dict[str, Any], answer: Any) -> Feedback:
    expected = _decode_expression(entry["blob"], entry["salt"])
    return same_expression(answer, expected, exercise_id=exercise_id, hint=entry.get("hint") or "")


def exercise(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` to the exercise ``exercise_id``.

    Parameters
    ----------
    exercise_id : str
        The exercise's self-check name, given in the exercise text
        (see :func:`exercises` for the list).
    answer : number or sympy expression
        Your answer. Numbers are compared to the number of significant digits
        the exercise states; expressions by simplifying the difference.

    Returns
    -------
    Feedback
        ``.correct`` is ``True`` or ``False``; printing it gives the verdict,
        and a hint when the answer is not right yet.

    Raises
    ------
    ValueError
        Only for an unknown ``exercise_id``; a bad *answer* is reported in
        the feedback instead.

    Examples
    --------
    >>> print(exercise("entropy-die-bits", 3))
    entropy-die-bits: ✅ correct. Your answer 3 bits matches to 4 digits.
    >>> exercise("entropy-die-bits", "three").correct
    False
    """
    key = _key()
    if exercise_id not in key:
        raise ValueError(
            f"exercise_id {exercise_id!r} has no self-check; known: {', '.join(sorted(key))}"
        )
    entry = key[exercise_id]
    if entry["kind"] == "number":
        return _check_number(exercise_id, entry, answer)
    return _check_expression(exercise_id, entry, answer)
