r"""Count-based character n-gram models with additive smoothing (chapter 11).

A character model of order :math:`\kappa` predicts each character :math:`x_t`
of a text from the :math:`\kappa - 1` characters before it, its *context*
:math:`h_t = (x_{t-\kappa+1}, \dots, x_{t-1})`; the text is padded on the left
with a boundary symbol so that every character, the first ones included, has a
context. Fitted on a training text with counts :math:`c(h, x)` (how often
:math:`x` followed :math:`h`) and :math:`c(h) = \sum_x c(h, x)`, the model with
additive (Lidstone; Laplace for :math:`\alpha = 1`) smoothing is

.. math::

    q_\alpha(x \mid h) = \frac{c(h, x) + \alpha}{c(h) + n\alpha},

where :math:`n` is the number of symbols it predicts: the characters seen in
training plus one *out-of-vocabulary* symbol that stands for every character
never seen there. With :math:`\alpha = 0` it is the maximum-likelihood fit; an
unseen pair then gets probability 0 and an unseen context none at all (both
count as probability 0 here, so the cross-entropy is :math:`+\infty`).

The cross-entropy per character of the model on a text :math:`x_1, \dots, x_T`
is :math:`-\frac1T \sum_t \log q_\alpha(x_t \mid h_t)` (nats; bits with
``base=2``), and its perplexity is the exponential of that, in nats.

Counting is vectorised: characters become integer codes, each window of
:math:`\kappa` codes one mixed-radix integer, and ``numpy.unique`` counts them;
no Python loop runs over the characters.

* :func:`character_vocabulary`, :func:`encode_characters`: text to codes.
* :func:`fit_ngram_counts`: the counts :math:`c(h, x)`, :math:`c(h)` of a text.
* :func:`next_character_probabilities`: :math:`q_\alpha(x_t \mid h_t)` at
  every position of a text; :func:`conditional_distribution` the whole vector
  :math:`q_\alpha(\cdot \mid h)` for one context.
* :func:`empirical_conditionals`: the empirical distribution of a text's
  (context, character) pairs, as context weights and conditionals, next to
  the model's conditionals at the same contexts.
* :func:`interpolated_probabilities`: interpolated (Jelinek-Mercer) smoothing,
  which mixes the unsmoothed models of orders :math:`\kappa, \kappa - 1, \dots`
  down to an additive order-1 model.
* :func:`cross_entropy_per_character`, :func:`perplexity`.

Reference: Jurafsky and Martin, *Speech and Language Processing*, ch. 3; for the
link with coding, Cover and Thomas, *Elements of Information Theory*, ch. 13.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from infolib._validation import (
    as_ngram_order,
    as_pseudocounts,
    as_text,
    as_unit_interval_array,
    log_base,
)

__all__ = [
    "NgramCounts",
    "character_vocabulary",
    "conditional_distribution",
    "cross_entropy_per_character",
    "empirical_conditionals",
    "encode_characters",
    "fit_ngram_counts",
    "interpolated_probabilities",
    "next_character_probabilities",
    "perplexity",
]

_MAX_KEY = 2**62  # mixed-radix window ids must fit in int64


@dataclass(frozen=True)
class NgramCounts:
    """The counts of a character model of order ``order`` fitted to a text.

    ``vocabulary`` holds the training characters in code order; code
    ``len(vocabulary)`` is the out-of-vocabulary symbol and
    ``len(vocabulary) + 1`` the boundary symbol that pads contexts (never
    predicted). ``keys`` are the sorted distinct window ids (base
    ``n_symbols + 1``, last character least significant) with ``counts``
    :math:`c(h, x)`; ``context_keys``, ``context_counts`` likewise for
    :math:`c(h)`.
    """

    order: int
    vocabulary: str
    keys: np.ndarray
    counts: np.ndarray
    context_keys: np.ndarray
    context_counts: np.ndarray

    @property
    def n_symbols(self) -> int:
        """The number :math:`n` of predicted symbols: training characters plus OOV."""
        return len(self.vocabulary) + 1

    @property
    def n_characters(self) -> int:
        """The number of characters the counts were taken from."""
        return int(self.counts.sum())


def character_vocabulary(text: str) -> str:
    """The distinct characters of ``text``, sorted by code point.

    Examples
    --------
    >>> character_vocabulary("banana")
    'abn'
    """
    text = as_text(text)
    points = np.unique(_code_points(text))
    return "".join(map(chr, points.tolist()))


def encode_characters(text: str, vocabulary: str) -> np.ndarray:
    """Integer codes of the characters of ``text``: the position in ``vocabulary``.

    A character absent from ``vocabulary`` gets the out-of-vocabulary code
    ``len(vocabulary)``.

    Examples
    --------
    >>> encode_characters("banjo", "abn").tolist()
    [1, 0, 2, 3, 3]

    See Also
    --------
    character_vocabulary
    """
    text = as_text(text)
    vocab = _code_points(as_text(vocabulary, "vocabulary"))
    if np.any(np.diff(vocab) <= 0):
        raise ValueError(f"vocabulary must hold distinct characters in code-point order "
                         f"(got {vocabulary[:40]!r})")
    points = _code_points(text)
    pos = np.minimum(np.searchsorted(vocab, points), vocab.size - 1)
    return np.where(vocab[pos] == points, pos, vocab.size).astype(np.int64)


def fit_ngram_counts(text: str, order: int) -> NgramCounts:
    r"""Count the windows of ``order`` characters of ``text`` (contexts padded).

    :math:`c(h, x) = \#\{t : h_t = h,\ x_t = x\}` and
    :math:`c(h) = \sum_x c(h, x)`, over the :math:`T` positions of the text,
    so that :math:`\sum_h c(h) = T`.

    Examples
    --------
    >>> counts = fit_ngram_counts("abab", order=2)
    >>> counts.n_symbols, counts.n_characters, counts.counts.tolist()
    (3, 4, [2, 1, 1])

    See Also
    --------
    next_character_probabilities, cross_entropy_per_character
    """
    order = as_ngram_order(order)
    vocabulary = character_vocabulary(text)
    base = len(vocabulary) + 2  # characters, OOV, boundary
    if base**order >= _MAX_KEY:
        raise ValueError(f"order must keep {base}**order below 2**62 (got order={order})")
    ids = _window_ids(encode_characters(text, vocabulary), order, base)
    keys, counts = np.unique(ids, return_counts=True)
    context_keys, inverse = np.unique(keys // base, return_inverse=True)
    context_counts = np.bincount(inverse, weights=counts).astype(np.int64)
    return NgramCounts(order, vocabulary, keys, counts.astype(np.int64),
                       context_keys, context_counts)


def next_character_probabilities(counts: NgramCounts, text: str, *, alpha: Any) -> np.ndarray:
    r"""The model's probability :math:`q_\alpha(x_t \mid h_t)` of every character of ``text``.

    .. math:: q_\alpha(x \mid h) = \frac{c(h, x) + \alpha}{c(h) + n\alpha}

    with the counts of ``counts`` (the training text) and ``n`` its number of
    symbols. ``alpha`` may be an array: the result then has shape
    ``alpha.shape + (T,)``. For :math:`\alpha = 0` an unseen context gives 0.

    Examples
    --------
    >>> counts = fit_ngram_counts("abab", order=2)
    >>> next_character_probabilities(counts, "ab", alpha=1.0).round(4).tolist()
    [0.5, 0.6]

    See Also
    --------
    conditional_distribution, cross_entropy_per_character
    """
    counts = _as_counts(counts)
    a = as_pseudocounts(alpha)[..., None]
    c_hx, c_h = _position_counts(counts, text)
    return _smoothed(c_hx, c_h, a, counts.n_symbols)


def interpolated_probabilities(
    models: Sequence[NgramCounts], text: str, *, lam: Any, alpha: float
) -> np.ndarray:
    r"""Interpolated smoothing: :math:`q_k(x_i \mid w_i)` at every position of ``text``.

    ``models`` are the counts of orders :math:`1, \dots, \kappa` of one training
    text. With :math:`\lambda \in [0, 1]`, :math:`q_1` the order-1 model with
    additive smoothing :math:`\alpha > 0`, and for :math:`k = 2, \dots, \kappa`

    .. math::

        q_k(x \mid w) = \lambda\,\frac{c_k(w, x)}{c_k(w)}
        + (1 - \lambda)\, q_{k-1}(x \mid w'),

    where :math:`w'` drops the oldest character of :math:`w`; a context with
    :math:`c_k(w) = 0` uses :math:`q_{k-1}` alone. Each :math:`q_k(\cdot \mid w)` is
    a mixture of distributions, so it is one, and it is positive. ``lam`` may be
    an array: the result then has shape ``lam.shape + (T,)``.

    Examples
    --------
    >>> models = [fit_ngram_counts("abab", order) for order in (1, 2)]
    >>> interpolated_probabilities(models, "ab", lam=0.5, alpha=1.0).round(4).tolist()
    [0.7143, 0.7143]

    See Also
    --------
    next_character_probabilities
    """
    models = [_as_counts(m) for m in models]
    if not models or any(m.order != k + 1 or m.vocabulary != models[0].vocabulary
                         for k, m in enumerate(models)):
        orders = [m.order for m in models]
        raise ValueError(f"models must be the counts of orders 1, 2, ... of one text "
                         f"(got orders {orders})")
    lam_arr = as_unit_interval_array(lam, "lam")[..., None]
    a = float(np.asarray(as_pseudocounts(alpha)).reshape(()))
    if a <= 0.0:
        raise ValueError(f"alpha must be > 0 for the order-1 model (got {a!r})")
    q = next_character_probabilities(models[0], text, alpha=a)
    for model in models[1:]:
        c_hx, c_h = _position_counts(model, text)
        seen = c_h > 0
        unsmoothed = np.where(seen, c_hx / np.where(seen, c_h, 1.0), 0.0)
        q = np.where(seen, lam_arr * unsmoothed + (1.0 - lam_arr) * q, q)
    return np.broadcast_to(q, lam_arr.shape[:-1] + q.shape[-1:]).copy()


def conditional_distribution(counts: NgramCounts, context: str, *, alpha: Any) -> np.ndarray:
    r"""The vector :math:`q_\alpha(\cdot \mid h)` over the ``n`` symbols (OOV last).

    ``context`` holds the last ``order - 1`` characters; a shorter one is padded
    on the left with the boundary symbol. For :math:`\alpha = 0` and an unseen
    context the maximum-likelihood fit is undefined and a ``ValueError`` is raised.

    Examples
    --------
    >>> counts = fit_ngram_counts("abab", order=2)
    >>> conditional_distribution(counts, "a", alpha=0.0).tolist()
    [0.0, 1.0, 0.0]
    """
    counts = _as_counts(counts)
    if not isinstance(context, str) or len(context) > counts.order - 1:
        raise ValueError(f"context must be a str of at most order - 1 = {counts.order - 1} "
                         f"characters (got {context!r})")
    a = float(np.asarray(as_pseudocounts(alpha)).reshape(()))  # one alpha
    base, n = counts.n_symbols + 1, counts.n_symbols
    codes = encode_characters(context, counts.vocabulary) if context else np.empty(0, int)
    padded = np.concatenate([np.full(counts.order - 1 - len(context), n), codes])
    h = int(padded @ base ** np.arange(counts.order - 2, -1, -1)) if counts.order > 1 else 0
    c_hx = _lookup(counts.keys, counts.counts, h * base + np.arange(n))
    c_h = float(c_hx.sum())
    if c_h + n * a == 0:
        raise ValueError(f"context {context!r} was never seen and alpha = 0: "
                         "the maximum-likelihood model is undefined there")
    return (c_hx + a) / (c_h + n * a)


def empirical_conditionals(
    counts: NgramCounts, text: str, *, alpha: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""A text's pairs by context: weights, empirical and model conditionals.

    For the :math:`M` distinct contexts :math:`h` of ``text`` (encoded with the
    training vocabulary of ``counts``), returns the weights
    :math:`\hat p(h) = \#\{t : h_t = h\} / T` (shape ``(M,)``), the empirical
    conditionals :math:`\hat p(x \mid h)` and the model's
    :math:`q_\alpha(x \mid h)` (shape ``(M, n)``, out-of-vocabulary symbol last).
    For :math:`\alpha = 0` the row of a context unseen in training is all 0.

    Examples
    --------
    >>> counts = fit_ngram_counts("abab", order=2)
    >>> w, p_hat, q = empirical_conditionals(counts, "aab", alpha=1.0)
    >>> w.tolist(), p_hat.tolist()
    ([0.6666666666666666, 0.3333333333333333], [[0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])

    See Also
    --------
    cross_entropy_per_character
    """
    counts = _as_counts(counts)
    a = float(np.asarray(as_pseudocounts(alpha)).reshape(()))
    base, n = counts.n_symbols + 1, counts.n_symbols
    ids = _window_ids(encode_characters(text, counts.vocabulary), counts.order, base)
    contexts, inverse = np.unique(ids // base, return_inverse=True)
    pair_counts = np.zeros((contexts.size, n))
    np.add.at(pair_counts, (inverse, ids % base), 1.0)
    context_totals = pair_counts.sum(axis=1)
    c_hx = _lookup(counts.keys, counts.counts, contexts[:, None] * base + np.arange(n))
    c_h = _lookup(counts.context_keys, counts.context_counts, contexts)[:, None]
    q = _smoothed(c_hx, c_h, a, n)
    return context_totals / ids.size, pair_counts / context_totals[:, None], q


def cross_entropy_per_character(
    counts: NgramCounts, text: str, *, alpha: Any, base: float | None = None
) -> np.ndarray | float:
    r"""Cross-entropy per character :math:`-\frac1T \sum_{t=1}^T \log q_\alpha(x_t \mid h_t)`.

    It is :math:`H(\hat p, q_\alpha)` for the empirical distribution
    :math:`\hat p` of the (context, character) pairs of ``text``. Nats, or bits
    with ``base=2``; :math:`+\infty` if some character gets probability 0.

    Examples
    --------
    >>> counts = fit_ngram_counts("abab", order=1)
    >>> float(cross_entropy_per_character(counts, "abab", alpha=0.0, base=2))
    1.0

    See Also
    --------
    perplexity, next_character_probabilities
    """
    scale = log_base(base)
    counts = _as_counts(counts)
    a = as_pseudocounts(alpha)[..., None]
    c_hx, c_h = _position_counts(counts, text)
    # positions with the same counts (c(w, x), c(w)) get the same probability: group them,
    # so that a grid of alphas costs (number of distinct count pairs) per alpha
    stride = int(c_hx.max()) + 1  # c(w, x) <= c(w): one integer key per count pair
    keys, multiplicity = np.unique(c_h.astype(np.int64) * stride + c_hx.astype(np.int64),
                                   return_counts=True)
    q = _smoothed((keys % stride).astype(float), (keys // stride).astype(float), a,
                  counts.n_symbols)
    with np.errstate(divide="ignore"):
        ce = -(np.log(q) @ multiplicity) / (c_hx.size * scale)
    return float(ce) if ce.ndim == 0 else ce


def perplexity(counts: NgramCounts, text: str, *, alpha: Any) -> np.ndarray | float:
    r"""Perplexity :math:`\exp H(\hat p, q_\alpha)` (cross-entropy in nats) on ``text``.

    It equals :math:`2^{b}` with :math:`b` the cross-entropy in bits per
    character: the number of equally likely characters that would leave the
    model as uncertain, on average, as it is on ``text``.

    Examples
    --------
    >>> counts = fit_ngram_counts("abcd", order=1)
    >>> round(float(perplexity(counts, "dcba", alpha=1e9)), 6)  # ~uniform on 5 symbols
    5.0

    See Also
    --------
    cross_entropy_per_character
    """
    return np.exp(cross_entropy_per_character(counts, text, alpha=alpha))


# ---------------------------------------------------------------- private helpers


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.int64)


def _window_ids(codes: np.ndarray, order: int, base: int) -> np.ndarray:
    """Mixed-radix id of the window ending at each position (left-padded with base - 1)."""
    padded = np.concatenate([np.full(order - 1, base - 1, dtype=np.int64), codes])
    windows = np.lib.stride_tricks.sliding_window_view(padded, order)
    return windows @ (base ** np.arange(order - 1, -1, -1, dtype=np.int64))


def _position_counts(counts: NgramCounts, text: str) -> tuple[np.ndarray, np.ndarray]:
    """The training counts c(w_i, x_i) and c(w_i) at every position of ``text``."""
    base = counts.n_symbols + 1
    ids = _window_ids(encode_characters(text, counts.vocabulary), counts.order, base)
    c_hx = _lookup(counts.keys, counts.counts, ids)
    return c_hx, _lookup(counts.context_keys, counts.context_counts, ids // base)


def _smoothed(c_hx: np.ndarray, c_h: np.ndarray, a: np.ndarray, n: int) -> np.ndarray:
    """(c_hx + a) / (c_h + n a), and 0 where the denominator is 0 (alpha = 0, unseen w)."""
    num, den = c_hx + a, c_h + n * a
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)


def _lookup(keys: np.ndarray, values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``values`` at ``ids`` (0 where an id is not among the sorted ``keys``)."""
    pos = np.minimum(np.searchsorted(keys, ids), keys.size - 1)
    return np.where(keys[pos] == ids, values[pos], 0).astype(np.float64)


def _as_counts(counts: Any) -> NgramCounts:
    if not isinstance(counts, NgramCounts):
        raise TypeError(f"counts must be an NgramCounts from fit_ngram_counts, "
                        f"got {type(counts).__name__}")
    return counts
