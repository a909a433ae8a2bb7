"""Write infolib/exercise_key.json, the self-check answer key (for authors).

Each entry's answer is *computed* here (with infolib, SymPy or by hand-checked
arithmetic), then stored in the key only as salted hashes (numbers) or in
obfuscated form (expressions), so a student's copy of the book does not show it.
`tests/test_check.py` verifies that the committed key matches this script and
that every answer agrees with an independent computation.

    .venv/bin/python tools/make_exercise_key.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp

import infolib
from infolib.check import make_expression_entry, make_number_entry

KEY_PATH = Path(__file__).resolve().parents[1] / "infolib" / "exercise_key.json"

n, k = sp.symbols("n k", positive=True)
c, N = sp.symbols("c N", positive=True)
a, b = sp.symbols("a b", positive=True)


def binomial_projection(p: np.ndarray) -> float:
    """argmin over θ of KL(p || Binomial(2, θ)) on {0, 1, 2}, by a fine grid search."""
    theta = np.linspace(1e-4, 1 - 1e-4, 99_999)
    q = np.stack([(1 - theta) ** 2, 2 * theta * (1 - theta), theta**2], axis=-1)
    return float(theta[np.argmin(infolib.kl_divergence(p, q))])


def forward_fit_std() -> float:
    """Standard deviation of the forward-KL Gaussian fit to 0.3 N(-2, 0.7²) + 0.7 N(2, 0.7²)."""
    from infolib.mixtures import GaussianMixture

    return float(GaussianMixture([0.3, 0.7], [-2.0, 2.0], [0.7, 0.7]).std)


def laplace_bigram_bits() -> float:
    """Chapter 11: bits per character on ch. 8 of the order-2 model of ch. 0-7, alpha = 1."""
    from infolib import ngram
    from infolib.corpus import BOOK_TEXT_CHAPTERS, book_text

    train = "".join(book_text(ch) for ch in BOOK_TEXT_CHAPTERS[:8])
    counts = ngram.fit_ngram_counts(train, 2)
    return float(ngram.cross_entropy_per_character(
        counts, book_text(BOOK_TEXT_CHAPTERS[8]), alpha=1.0, base=2))


def numbers() -> dict[str, tuple[Callable[[], float], dict[str, Any]]]:
    return {
        "entropy-die-bits": (
            lambda: infolib.entropy(np.full(8, 1 / 8), base=2),
            {"unit": "bits", "hint": "Eight equally likely faces: how many yes/no questions?"},
        ),
        "entropy-coin-nats": (
            lambda: infolib.entropy([0.5, 0.5]),
            {"unit": "nats", "hint": "One bit is log 2 nats."},
        ),
        "ce-bernoulli-bits": (
            lambda: infolib.cross_entropy([0.5, 0.5], [0.25, 0.75], base=2),
            {"unit": "bits", "hint": "H(p, q) = -sum_i p_i log2 q_i; here p = (1/2, 1/2)."},
        ),
        "kl-bernoulli-bits": (
            lambda: infolib.kl_divergence([0.5, 0.5], [0.25, 0.75], base=2),
            {"unit": "bits", "hint": "Use base 2, and p = Bernoulli(0.5) first: KL(p || q)."},
        ),
        "kl-gaussian-nats": (
            lambda: infolib.Gaussian(0.0, 1.0).kl_divergence(infolib.Gaussian(1.0, 2.0)),
            {"unit": "nats", "hint": "log(s2/s1) + (s1^2 + (m1-m2)^2)/(2 s2^2) - 1/2."},
        ),
        "equivalence-kl-projection": (
            lambda: binomial_projection(np.array([0.5, 0.1, 0.4])),
            {"hint": "For Binomial(2, θ) the KL projection matches the mean: θ* = E_p[X] / 2."},
        ),
        "forward-kl-std": (
            lambda: forward_fit_std(),
            {"hint": "Forward KL over Gaussians matches moments: σ² = E_p[X²] - E_p[X]²."},
        ),
        "logsumexp-excess": (
            lambda: -infolib.log_softmax([1000.0, 999.0, 998.0])[0],
            {"hint": "Shift by the maximum m = 1000: what is left is log(sum of e^(z_k - m))."},
        ),
        "logloss-two-samples": (
            lambda: infolib.cross_entropy_with_logits(
                [0, 1], [[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]], reduction="mean"
            ),
            {"unit": "nats", "hint": "J is the mean, the log loss divided by N = 2: average "
             "-log softmax(z_i)[y_i] over the two examples (do not add them up)."},
        ),
        # chapter 10 (mutual information)
        "mi-table-bits": (
            lambda: infolib.mutual_information([[0.4, 0.1], [0.1, 0.4]], base=2),
            {"unit": "bits", "hint": "I(X; Y) = H(Y) - H(Y | X): here H(Y) = 1 bit, and "
             "H(Y | X) averages the entropies of the rows, each divided by its sum."},
        ),
        # Chapter 11 (language models)
        "lm-laplace-bigram-bits": (
            laplace_bigram_bits,
            {"unit": "bits per character", "hint": "fit_ngram_counts(train_text, 2), then "
             "cross_entropy_per_character(..., valid_text, alpha=1.0, base=2): base 2, "
             "and chapter 8 (the validation text), not the training text."},
        ),
        # chapter 12, scoring rules and calibration
        "ece-four-forecasts": (
            lambda: float(infolib.scoring.expected_calibration_error(
                [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]], [0, 1, 1, 0], bins=5)),
            {"hint": "The bins are (0, 0.2], (0.2, 0.4], ..., (0.8, 1]: a confidence on an edge "
             "belongs to the lower bin. Weight each bin's |accuracy - mean confidence| by its "
             "share of the four examples."},
        ),
        # chapter 13 (variational inference)
        "vae-kl-nats": (
            lambda: infolib.kl_to_standard_normal([1.0, -1.0], [0.5, 1.5]),
            {"unit": "nats", "hint": "Add (s_j^2 + m_j^2 - 1 - log s_j^2) / 2 over the two "
             "coordinates; the log is of the variance s_j^2, not of s_j."},
        ),
    }


def expressions() -> dict[str, tuple[Callable[[], sp.Expr], dict[str, Any]]]:
    return {
        "entropy-uniform-n": (
            lambda: sp.log(n),
            {"hint": "Each of the n terms is -(1/n) log(1/n)."},
        ),
        "kl-bernoulli-closed-form": (
            lambda: a * sp.log(a / b) + (1 - a) * sp.log((1 - a) / (1 - b)),
            {"hint": "Two outcomes: a log(a/b) plus the same for 1 - a and 1 - b."},
        ),
        "mle-bernoulli": (
            lambda: c / N,
            {"hint": "Set d/dθ [c log θ + (N - c) log(1 - θ)] to zero."},
        ),
    }


def build_key() -> dict[str, dict[str, Any]]:
    key: dict[str, dict[str, Any]] = {}
    for name, (compute, options) in numbers().items():
        key[name] = make_number_entry(name, float(compute()), digits=4, **options)
    for name, (compute, options) in expressions().items():
        key[name] = make_expression_entry(name, compute(), **options)
    return dict(sorted(key.items()))


def render(key: dict[str, dict[str, Any]]) -> str:
    return json.dumps(key, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    KEY_PATH.write_text(render(build_key()), encoding="utf-8")
    print(f"wrote {KEY_PATH} ({len(build_key())} exercises)")
