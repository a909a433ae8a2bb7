"""Tests for infolib.check, the exercise self-checks."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest
import sympy as sp

from infolib import check

ROOT = Path(__file__).resolve().parents[1]
KEY_TEXT = (ROOT / "infolib" / "exercise_key.json").read_text()

# Independent computations of the numeric answers (by hand, not through infolib).
EXPECTED_NUMBERS = {
    "entropy-die-bits": math.log2(8),
    "entropy-coin-nats": math.log(2),
    "ce-bernoulli-bits": -0.5 * math.log2(0.25) - 0.5 * math.log2(0.75),
    "kl-bernoulli-bits": 0.5 * math.log2(0.5 / 0.25) + 0.5 * math.log2(0.5 / 0.75),
    "kl-gaussian-nats": math.log(2.0) + (1.0 + 1.0) / (2 * 4.0) - 0.5,
    "equivalence-kl-projection": (0.1 * 1 + 0.4 * 2) / 2,
    "forward-kl-std": math.sqrt(0.49 + 4.0 - (0.3 * -2 + 0.7 * 2) ** 2),
    "logsumexp-excess": math.log(1 + math.exp(-1) + math.exp(-2)),
    "logloss-two-samples": 0.5
    * (math.log(1 + math.exp(-2) + math.exp(-3)) + math.log(1 + 2 * math.exp(-3))),
    # chapter 12: bins (0.4, 0.6], (0.6, 0.8], (0.8, 1] hold 1, 2 and 1 of the four forecasts
    "ece-four-forecasts": 0.25 * abs(1 - 0.6) + 0.5 * abs(0.5 - 0.75) + 0.25 * abs(1 - 0.9),
}


def laplace_bigram_bits_by_dictionaries() -> float:
    """Chapter 11's self-check, counted with Python dictionaries (not infolib.ngram)."""
    from collections import Counter

    from infolib.corpus import BOOK_TEXT_CHAPTERS, book_text

    train = "".join(book_text(ch) for ch in BOOK_TEXT_CHAPTERS[:8])
    valid = book_text(BOOK_TEXT_CHAPTERS[8])
    vocab, start = set(train), "\x00"  # the boundary symbol before the first character
    n_symbols = len(vocab) + 1  # and one out-of-vocabulary symbol
    pairs = Counter(zip(start + train[:-1], train, strict=True))
    contexts = Counter(start + train[:-1])
    unk = "\x01"
    seq = [ch if ch in vocab else unk for ch in valid]
    bits = [-math.log2((pairs[(w, x)] + 1.0) / (contexts[w] + n_symbols))
            for w, x in zip([start] + seq[:-1], seq, strict=True)]
    return sum(bits) / len(bits)


EXPECTED_NUMBERS["lm-laplace-bigram-bits"] = laplace_bigram_bits_by_dictionaries()
n, k, a, b = sp.symbols("n k a b", positive=True)
c, N = sp.symbols("c N", positive=True)
EXPECTED_EXPRESSIONS = {
    "entropy-uniform-n": -n * (1 / n) * sp.log(1 / n),
    "kl-bernoulli-closed-form": a * (sp.log(a) - sp.log(b))
    + (1 - a) * (sp.log(1 - a) - sp.log(1 - b)),
    "mle-bernoulli": c / N,
}


def load_tool():
    spec = importlib.util.spec_from_file_location("make_key", ROOT / "tools/make_exercise_key.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_key_matches_the_generator():
    tool = load_tool()
    assert tool.render(tool.build_key()) == KEY_TEXT


def test_every_exercise_has_an_independent_answer_here():
    assert set(check.exercises()) == set(EXPECTED_NUMBERS) | set(EXPECTED_EXPRESSIONS)


@pytest.mark.parametrize("name", sorted(EXPECTED_NUMBERS))
def test_numeric_answers_accepted_within_digits_and_rejected_outside(name):
    value = EXPECTED_NUMBERS[name]
    assert check.exercise(name, value).correct
    assert check.exercise(name, value * (1 + 2e-5)).correct  # within 4 significant digits
    assert not check.exercise(name, value * 1.01).correct
    assert not check.exercise(name, -value).correct


@pytest.mark.parametrize("name", sorted(EXPECTED_EXPRESSIONS))
def test_expression_answers_by_simplification(name):
    expected = EXPECTED_EXPRESSIONS[name]
    assert check.exercise(name, expected).correct
    assert check.exercise(name, str(expected)).correct  # a string SymPy can parse
    assert not check.exercise(name, expected + 1).correct
    assert not check.exercise(name, 2 * expected).correct


def test_answers_are_not_readable_in_the_key():
    key = json.loads(KEY_TEXT)
    for name, value in EXPECTED_NUMBERS.items():
        for text in (f"{value:.3e}", f"{value:.4f}"):
            assert f'"{text}' not in KEY_TEXT and f" {text}" not in KEY_TEXT, (name, text)
        assert "hashes" in key[name]
    for name, expr in EXPECTED_EXPRESSIONS.items():
        assert sp.srepr(sp.simplify(expr)) not in KEY_TEXT
        assert "log" not in key[name]["blob"]


@pytest.mark.parametrize("bad", ["three", None, float("nan"), float("inf"), [1.0, 2.0], {}])
def test_bad_numeric_answers_get_a_message_not_a_traceback(bad):
    feedback = check.exercise("entropy-die-bits", bad)
    assert not feedback.correct
    assert "not yet" in str(feedback)
    assert len(feedback.message) > 10


def test_bad_expression_answers_get_a_message():
    assert "could not be read" in check.exercise("mle-bernoulli", "c/(N+").message
    assert "symbols" in check.exercise("mle-bernoulli", sp.Symbol("theta")).message


def test_unknown_exercise_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="exercise_id 'nope'"):
        check.exercise("nope", 1.0)


def test_feedback_is_truthy_only_when_correct():
    assert bool(check.exercise("entropy-die-bits", 3))
    assert not bool(check.exercise("entropy-die-bits", 4))


def test_logloss_self_check_asks_for_the_mean_training_loss_not_the_sum():
    # chapter 6 asks for J = log loss / N; the log loss itself (the sum) is "not yet"
    mean = EXPECTED_NUMBERS["logloss-two-samples"]
    assert check.exercise("logloss-two-samples", mean).correct
    feedback = check.exercise("logloss-two-samples", 2 * mean)
    assert not feedback.correct
    assert "mean" in feedback.message and "N = 2" in feedback.message


def test_same_expression_compares_by_simplification_and_by_symbol_name():
    import sympy as sp

    from infolib.check import same_expression

    p = sp.Symbol("p", positive=True)
    n = sp.Symbol("N", positive=True)
    # Symbols matched by name: the string's p has no assumptions, the expected one has.
    assert same_expression("log(p/2)", sp.log(p) - sp.log(2)).correct
    assert same_expression("N*p", n * p).correct  # N is a symbol, not numerical evaluation
    assert not same_expression("p**2", p).correct
    extra = same_expression("p + q", p)
    assert not extra.correct and "['q']" in extra.message
    unreadable = same_expression("p +* 2", p, exercise_id="ex-x")
    assert not unreadable.correct and "could not be read" in unreadable.message
    assert unreadable.exercise == "ex-x"


# chapter 10 (mutual information): the self-check of ex-mi-selfcheck, computed by hand:
# p(y) = (1/2, 1/2), so H(Y) = 1 bit; both rows are (4/5, 1/5) up to order: H(Y | X) = h(1/5).
def _binary_entropy_bits(t: float) -> float:
    return -t * math.log2(t) - (1 - t) * math.log2(1 - t)


EXPECTED_NUMBERS["mi-table-bits"] = 1.0 - _binary_entropy_bits(1 / 5)


def test_mutual_information_self_check_accepts_the_answer_and_rejects_h_y_given_x():
    answer = EXPECTED_NUMBERS["mi-table-bits"]
    assert check.exercise("mi-table-bits", answer).correct
    assert check.exercise("mi-table-bits", round(answer, 4)).correct
    assert not check.exercise("mi-table-bits", 1.0 - answer).correct  # H(Y | X) instead
# chapter 13 (variational inference): the VAE's KL term for mu = (1, -1), sigma = (0.5, 1.5)
EXPECTED_NUMBERS["vae-kl-nats"] = 0.5 * (0.25 + 1.0 - 1.0 - math.log(0.25)) + 0.5 * (
    2.25 + 1.0 - 1.0 - math.log(2.25)
)


def test_vae_kl_answer_accepted_within_digits_and_rejected_outside():
    test_numeric_answers_accepted_within_digits_and_rejected_outside("vae-kl-nats")
    # the slip of taking log s_j for log s_j^2
    assert not check.exercise("vae-kl-nats", 1.25 + 0.5 * math.log(4 / 3)).correct
