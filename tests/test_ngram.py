"""Tests for infolib.ngram: counts against brute force, smoothing, cross-entropy, bad inputs."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from infolib.ngram import (
    NgramCounts,
    character_vocabulary,
    conditional_distribution,
    cross_entropy_per_character,
    empirical_conditionals,
    encode_characters,
    fit_ngram_counts,
    interpolated_probabilities,
    next_character_probabilities,
    perplexity,
)

TRAIN = "the cat sat on the mat; the hat."
HELD_OUT = "that cat ate a hat!"  # 'e', '!' ... include unseen characters and contexts

BOUNDARY = "\x00"  # stands for the padding symbol in the brute force (absent from texts)


def brute_force_q(train: str, text: str, order: int, alpha: float) -> list[float]:
    """q(x_t | h_t) with Python dictionaries, one character at a time."""
    vocab = sorted(set(train))
    n = len(vocab) + 1
    pad = BOUNDARY * (order - 1)
    padded_train = pad + train
    pairs = Counter(padded_train[t:t + order] for t in range(len(train)))
    contexts = Counter(padded_train[t:t + order - 1] for t in range(len(train)))
    padded = pad + "".join(ch if ch in vocab else "\x01" for ch in text)
    out = []
    for t in range(len(text)):
        window = padded[t:t + order]
        c_hx = pairs.get(window, 0) if "\x01" not in window else 0
        c_h = contexts.get(window[:-1], 0) if "\x01" not in window[:-1] else 0
        den = c_h + n * alpha
        out.append((c_hx + alpha) / den if den > 0 else 0.0)
    return out


@pytest.mark.parametrize("order", [1, 2, 3, 4])
@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0])
def test_probabilities_match_brute_force(order, alpha):
    counts = fit_ngram_counts(TRAIN, order)
    got = next_character_probabilities(counts, HELD_OUT, alpha=alpha)
    np.testing.assert_allclose(got, brute_force_q(TRAIN, HELD_OUT, order, alpha), rtol=1e-14)


def test_counts_add_up_to_the_text_length():
    counts = fit_ngram_counts(TRAIN, 3)
    assert counts.n_characters == len(TRAIN)
    assert counts.context_counts.sum() == len(TRAIN)
    assert counts.n_symbols == len(set(TRAIN)) + 1


def test_conditional_distributions_sum_to_one_and_agree_with_positions():
    counts = fit_ngram_counts(TRAIN, 3)
    for alpha in (0.0, 0.5):
        q = conditional_distribution(counts, "th", alpha=alpha)
        assert q.shape == (counts.n_symbols,)
        assert q.sum() == pytest.approx(1.0, abs=1e-15)
        code = encode_characters("e", counts.vocabulary)[0]
        per_position = next_character_probabilities(counts, "the", alpha=alpha)[-1]
        assert q[code] == pytest.approx(per_position, rel=1e-15)


def test_vectorised_alpha_gives_one_row_per_alpha():
    counts = fit_ngram_counts(TRAIN, 2)
    alphas = np.array([0.1, 1.0, 3.0])
    ce = cross_entropy_per_character(counts, HELD_OUT, alpha=alphas)
    assert ce.shape == (3,)
    for a, value in zip(alphas, ce, strict=True):
        assert value == pytest.approx(cross_entropy_per_character(counts, HELD_OUT, alpha=a))


def test_unsmoothed_model_is_infinite_on_unseen_characters_and_finite_on_training_text():
    counts = fit_ngram_counts(TRAIN, 3)
    assert cross_entropy_per_character(counts, HELD_OUT, alpha=0.0) == math.inf
    assert math.isfinite(cross_entropy_per_character(counts, TRAIN, alpha=0.0))


def test_order_one_unsmoothed_training_cross_entropy_is_the_entropy_of_frequencies():
    freqs = np.array(list(Counter(TRAIN).values())) / len(TRAIN)
    entropy_bits = -(freqs * np.log2(freqs)).sum()
    counts = fit_ngram_counts(TRAIN, 1)
    got = cross_entropy_per_character(counts, TRAIN, alpha=0.0, base=2)
    assert got == pytest.approx(entropy_bits, rel=1e-14)


def test_perplexity_is_exp_of_nats_and_two_to_the_bits():
    counts = fit_ngram_counts(TRAIN, 2)
    nats = cross_entropy_per_character(counts, HELD_OUT, alpha=0.3)
    bits = cross_entropy_per_character(counts, HELD_OUT, alpha=0.3, base=2)
    assert perplexity(counts, HELD_OUT, alpha=0.3) == pytest.approx(math.exp(nats), rel=1e-14)
    assert perplexity(counts, HELD_OUT, alpha=0.3) == pytest.approx(2.0**bits, rel=1e-12)


def test_huge_alpha_tends_to_the_uniform_model():
    counts = fit_ngram_counts(TRAIN, 3)
    assert perplexity(counts, HELD_OUT, alpha=1e12) == pytest.approx(counts.n_symbols, rel=1e-9)


def test_encoding_maps_unseen_characters_to_the_oov_code():
    vocab = character_vocabulary("hello")
    assert vocab == "ehlo"
    assert encode_characters("hole!", vocab).tolist() == [1, 3, 2, 0, 4]
    assert character_vocabulary("né€😀") == "".join(sorted("né€😀"))


@pytest.mark.parametrize("alpha", [-0.1, [0.5, -1.0]])
def test_negative_alpha_is_refused_naming_it(alpha):
    counts = fit_ngram_counts(TRAIN, 2)
    with pytest.raises(ValueError, match=r"alpha must be >= 0 \(got minimum -"):
        next_character_probabilities(counts, HELD_OUT, alpha=alpha)


def test_nan_alpha_is_refused():
    counts = fit_ngram_counts(TRAIN, 2)
    with pytest.raises(ValueError, match="alpha"):
        cross_entropy_per_character(counts, HELD_OUT, alpha=float("nan"))


@pytest.mark.parametrize(("order", "error", "message"), [
    (0, ValueError, r"order must be >= 1 \(got 0\)"),
    (-2, ValueError, r"order must be >= 0 \(got -2\)"),
    (2.5, TypeError, r"order must be a non-negative integer, got 2.5"),
    (40, ValueError, r"order must keep .* \(got order=40\)"),
])
def test_bad_order_is_refused_naming_it(order, error, message):
    with pytest.raises(error, match=message):
        fit_ngram_counts(TRAIN, order)


def test_empty_or_non_string_text_is_refused():
    with pytest.raises(ValueError, match=r"text must be a non-empty string \(got ''\)"):
        fit_ngram_counts("", 2)
    with pytest.raises(TypeError, match="text must be a str, got list"):
        fit_ngram_counts(["a", "b"], 2)
    counts = fit_ngram_counts(TRAIN, 2)
    with pytest.raises(ValueError, match="text must be a non-empty string"):
        cross_entropy_per_character(counts, "", alpha=1.0)


def test_bad_counts_context_and_vocabulary_are_refused():
    with pytest.raises(TypeError, match="counts must be an NgramCounts"):
        perplexity({"a": 1}, HELD_OUT, alpha=1.0)
    counts = fit_ngram_counts(TRAIN, 2)
    with pytest.raises(ValueError, match=r"context must be a str of at most order - 1 = 1"):
        conditional_distribution(counts, "th", alpha=1.0)
    with pytest.raises(ValueError, match="context 'z' was never seen and alpha = 0"):
        conditional_distribution(counts, "z", alpha=0.0)
    with pytest.raises(ValueError, match="vocabulary must hold distinct characters"):
        encode_characters("ab", "ba")
    assert isinstance(counts, NgramCounts)


def test_empirical_conditionals_rebuild_the_cross_entropy():
    counts = fit_ngram_counts(TRAIN, 3)
    weights, p_hat, q = empirical_conditionals(counts, HELD_OUT, alpha=0.2)
    assert weights.sum() == pytest.approx(1.0, abs=1e-15)
    np.testing.assert_allclose(p_hat.sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(q.sum(axis=1), 1.0, rtol=1e-14)
    with np.errstate(divide="ignore"):
        terms = np.where(p_hat > 0, -p_hat * np.log(q), 0.0).sum(axis=1)
    assert weights @ terms == pytest.approx(
        cross_entropy_per_character(counts, HELD_OUT, alpha=0.2), rel=1e-13)
    assert weights.size == len({(HELD_OUT[max(0, t - 2):t]) for t in range(len(HELD_OUT))})


def brute_force_interpolated(train: str, text: str, order: int, lam: float, alpha: float):
    """Jelinek-Mercer recursion with dictionaries, one position at a time."""
    vocab = sorted(set(train))
    q = brute_force_q(train, text, 1, alpha)
    for k in range(2, order + 1):
        pad = BOUNDARY * (k - 1)
        padded_train = pad + train
        pairs = Counter(padded_train[t:t + k] for t in range(len(train)))
        contexts = Counter(padded_train[t:t + k - 1] for t in range(len(train)))
        padded = pad + "".join(ch if ch in vocab else "\x01" for ch in text)
        new = []
        for t in range(len(text)):
            window = padded[t:t + k]
            c_h = contexts.get(window[:-1], 0)
            if c_h == 0:
                new.append(q[t])
            else:
                new.append(lam * pairs.get(window, 0) / c_h + (1 - lam) * q[t])
        q = new
    return q


@pytest.mark.parametrize("order", [1, 2, 4])
@pytest.mark.parametrize("lam", [0.0, 0.3, 1.0])
def test_interpolated_probabilities_match_brute_force(order, lam):
    models = [fit_ngram_counts(TRAIN, k) for k in range(1, order + 1)]
    got = interpolated_probabilities(models, HELD_OUT, lam=lam, alpha=0.5)
    want = brute_force_interpolated(TRAIN, HELD_OUT, order, lam, 0.5)
    np.testing.assert_allclose(got, want, rtol=1e-14)


def test_interpolated_model_is_normalised_and_vectorised_over_lambda():
    models = [fit_ngram_counts(TRAIN, k) for k in (1, 2, 3)]
    symbols = sorted(set(TRAIN)) + ["\x01"]  # every symbol, the OOV one last
    lams = np.array([0.2, 0.9])
    totals = sum(interpolated_probabilities(models, "th" + s, lam=lams, alpha=0.1)[:, -1]
                 for s in symbols)
    np.testing.assert_allclose(totals, 1.0, rtol=1e-14)
    assert interpolated_probabilities(models, HELD_OUT, lam=lams, alpha=0.1).shape == (
        2, len(HELD_OUT))


def test_interpolated_bad_inputs_name_the_argument():
    models = [fit_ngram_counts(TRAIN, k) for k in (1, 2)]
    with pytest.raises(ValueError, match=r"lam must lie in \[0, 1\] \(got 1.5\)"):
        interpolated_probabilities(models, HELD_OUT, lam=1.5, alpha=0.1)
    with pytest.raises(ValueError, match=r"alpha must be > 0 for the order-1 model \(got 0.0\)"):
        interpolated_probabilities(models, HELD_OUT, lam=0.5, alpha=0.0)
    with pytest.raises(ValueError, match=r"models must be the counts of orders 1, 2, .*\[2\]"):
        interpolated_probabilities(models[1:], HELD_OUT, lam=0.5, alpha=0.1)
    other = fit_ngram_counts("xyz", 2)
    with pytest.raises(ValueError, match=r"models must be .*\[1, 2\]"):
        interpolated_probabilities([models[0], other], HELD_OUT, lam=0.5, alpha=0.1)
