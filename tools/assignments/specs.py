"""Which exercises of each chapter are graded, and how (what the chapter cannot say).

The question text comes from the chapter (:mod:`.exercises`); a spec adds what a grader
needs: the answer's variable or function name, the points, the tolerance, the hidden
inputs and the reference solution. Expected values are code, computed by the hidden tests
from infolib or SymPy, never typed in. A spec naming a label its chapter lacks fails
:class:`~.master.Assignment` at once.
"""

from __future__ import annotations

from .master import Assignment
from .questions import ExpressionQuestion, FunctionQuestion, NumberQuestion

# Hidden inputs: probability vectors with a few exact zeros, and strictly positive ones.
_WITH_ZEROS = "rng.dirichlet(np.ones(k)) * (rng.random(k) < 0.8)"
_PROB_ZEROS = f"(lambda k: (lambda v: v / v.sum() if v.sum() else np.eye(k)[0])({_WITH_ZEROS}))"
_PROB_POSITIVE = "(lambda k: rng.dirichlet(np.ones(k)))"

ENTROPY = Assignment("01_entropy", (
    FunctionQuestion(
        name="entropy_bits", label="ex-entropy-two-dice", points=2,
        task="Write `entropy_bits(p)`, the entropy in bits of a probability vector `p` "
        "(entries may be zero: $0 \\log 0 = 0$), with NumPy and without calling infolib.",
        function="entropy_bits", signature="p",
        docstring="Entropy in bits of the probability vector p.",
        body="p = np.asarray(p, dtype=float)\nnz = p[p > 0]\nreturn float(-np.sum(nz * np.log2(nz)))",
        public_args="([0.5, 0.5],)",
        inputs=f"({_PROB_ZEROS}(int(rng.integers(2, 12))),)",
        reference="lambda p: infolib.entropy(p, base=2)",
    ),
    NumberQuestion(
        name="two_dice", label="ex-entropy-two-dice", points=2,
        task="`pair_bits`, the entropy of the pair of faces, and `sum_bits`, the entropy of "
        "their sum, both in bits.",
        answers={
            "pair_bits": ("infolib.entropy(np.full(36, 1 / 36), base=2)",
                          "infolib.entropy(np.full(36, 1 / 36), base=2)"),
            "sum_bits": ("infolib.entropy(np.bincount(np.add.outer(np.arange(6), np.arange(6))"
                         ".ravel()) / 36, base=2)",
                         "infolib.entropy(np.convolve(np.full(6, 1 / 6), np.full(6, 1 / 6)), "
                         "base=2)"),
        },
    ),
    NumberQuestion(
        name="grouping", label="ex-entropy-grouping", points=1,
        task="`H_grouped`, the entropy in nats of the distribution for $n = 1000$ and "
        "$\\varepsilon = 0.1$ (the numerical check of the exercise).",
        answers={"H_grouped": (
            "infolib.entropy(np.r_[0.9, np.full(1000, 0.1 / 1000)])",
            "infolib.entropy([0.1, 0.9]) + 0.1 * np.log(1000)",
        )},
    ),
    ExpressionQuestion(
        name="binary_slope", label="ex-entropy-binary-steep", points=2,
        task="`slope`, the derivative $H'(\\theta)$ of the binary entropy (in nats) as a "
        "SymPy expression in the symbol `theta`.",
        variable="slope", symbols='theta = sp.Symbol("theta", positive=True)',
        solution="sp.log(1 - theta) - sp.log(theta)",
        expected="sp.diff(-theta * sp.log(theta) - (1 - theta) * sp.log(1 - theta), theta)",
    ),
))

CROSS_ENTROPY = Assignment("02_cross_entropy", (
    FunctionQuestion(
        name="cross_entropy_bits", label="ex-ce-support", points=2,
        task="Write `cross_entropy_bits(p, q)`, the cross-entropy $H(p, q)$ in bits: terms "
        "with $p_i = 0$ count as 0, and the result is `inf` when some $p_i > 0$ has $q_i = 0$.",
        function="cross_entropy_bits", signature="p, q",
        docstring="Cross-entropy H(p, q) in bits.",
        body="p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)\n"
        "s = p > 0\nif np.any(q[s] == 0):\n    return float('inf')\n"
        "return float(-np.sum(p[s] * np.log2(q[s])))",
        public_args="([0.5, 0.5], [0.25, 0.75])",
        inputs=f"(lambda k: ({_PROB_ZEROS}(k), {_PROB_ZEROS}(k)))(int(rng.integers(2, 8)))",
        reference="lambda p, q: infolib.cross_entropy(p, q, base=2)",
    ),
    NumberQuestion(
        name="support", label="ex-ce-support", points=1,
        task="`H_pq` $= H(p, q)$ and `H_qp` $= H(q, p)$ in bits (one of them is `inf`).",
        answers={
            "H_pq": ("infolib.cross_entropy([1/2, 1/2, 0], [1/4, 1/4, 1/2], base=2)",
                     "infolib.cross_entropy([1/2, 1/2, 0], [1/4, 1/4, 1/2], base=2)"),
            "H_qp": ("infolib.cross_entropy([1/4, 1/4, 1/2], [1/2, 1/2, 0], base=2)",
                     "infolib.cross_entropy([1/4, 1/4, 1/2], [1/2, 1/2, 0], base=2)"),
        },
    ),
    ExpressionQuestion(
        name="bernoulli_derivative", label="ex-ce-bernoulli-min", points=2,
        task="`dH`, the derivative $\\partial H(p, q_\\theta) / \\partial\\theta$ in nats as a "
        "SymPy expression in the symbols `a` and `theta`.",
        variable="dH", symbols='a, theta = sp.symbols("a theta", positive=True)',
        solution="(theta - a) / (theta * (1 - theta))",
        expected="sp.diff(-a * sp.log(theta) - (1 - a) * sp.log(1 - theta), theta)",
    ),
    NumberQuestion(
        name="fair_coin_cost", label="ex-ce-figure", points=1,
        task="For part (a): `cost_bits`, the cross-entropy in bits of the model $\\theta = 0.5$ "
        "on data from Bernoulli$(0.3)$, and `excess_bits`, how many of those bits are excess "
        "over the best model.",
        answers={
            "cost_bits": ("infolib.cross_entropy([0.7, 0.3], [0.5, 0.5], base=2)",
                          "infolib.cross_entropy([0.7, 0.3], [0.5, 0.5], base=2)"),
            "excess_bits": ("infolib.cross_entropy([0.7, 0.3], [0.5, 0.5], base=2)"
                            " - infolib.entropy([0.7, 0.3], base=2)",
                            "infolib.kl_divergence([0.7, 0.3], [0.5, 0.5], base=2)"),
        },
    ),
))

KL = Assignment("03_kl_divergence", (
    FunctionQuestion(
        name="kl_nats", label="ex-kl-smoothing", points=2,
        task="Write `kl_nats(p, q)`, $D_{\\mathrm{KL}}(p\\,\\|\\,q)$ in nats for probability "
        "vectors with $q_i > 0$ (entries $p_i = 0$ contribute 0), without calling infolib.",
        function="kl_nats", signature="p, q",
        docstring="KL divergence D(p || q) in nats.",
        body="p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)\n"
        "s = p > 0\nreturn float(np.sum(p[s] * np.log(p[s] / q[s])))",
        public_args="([0.5, 0.5], [0.25, 0.75])",
        inputs=f"(lambda k: ({_PROB_ZEROS}(k), {_PROB_POSITIVE}(k)))(int(rng.integers(2, 8)))",
        reference="lambda p, q: infolib.kl_divergence(p, q)",
    ),
    NumberQuestion(
        name="smoothing", label="ex-kl-smoothing", points=2,
        task="In nats: `kl_p_hat` $= D_{\\mathrm{KL}}(p\\,\\|\\,\\hat q)$, `kl_hat_p` "
        "$= D_{\\mathrm{KL}}(\\hat q\\,\\|\\,p)$, and for part (b) `kl_p_tilde` "
        "$= D_{\\mathrm{KL}}(p\\,\\|\\,\\tilde q)$.",
        setup="p = np.full(6, 1 / 6)\ncounts = np.array([3, 2, 4, 0, 1, 2])",
        answers={
            "kl_p_hat": ("infolib.kl_divergence(p, counts / 12)",
                         "infolib.kl_divergence(p, counts / 12)"),
            "kl_hat_p": ("infolib.kl_divergence(counts / 12, p)",
                         "infolib.cross_entropy(counts / 12, p) - infolib.entropy(counts / 12)"),
            "kl_p_tilde": ("infolib.kl_divergence(p, (counts + 1) / 18)",
                           "infolib.kl_divergence(p, (counts + 1) / 18)"),
        },
    ),
    ExpressionQuestion(
        name="second_derivative", label="ex-kl-bernoulli-expansion", points=2,
        task="`d2`, the second derivative $\\partial^2 d / \\partial a^2$ as a SymPy expression "
        "in the symbols `a` and `b`.",
        variable="d2", symbols='a, b = sp.symbols("a b", positive=True)',
        solution="1 / (a * (1 - a))",
        expected="sp.diff(a * sp.log(a / b) + (1 - a) * sp.log((1 - a) / (1 - b)), a, 2)",
    ),
    ExpressionQuestion(
        name="bernoulli_closed_form", label="ex-kl-selfcheck", points=1,
        task="Part (b): `kl_bernoulli`, $D_{\\mathrm{KL}}(\\mathrm{Bernoulli}(a)\\,\\|\\,"
        "\\mathrm{Bernoulli}(b))$ in nats as a SymPy expression in `a` and `b`.",
        variable="kl_bernoulli", symbols='a, b = sp.symbols("a b", positive=True)',
        solution="a * sp.log(a / b) + (1 - a) * sp.log((1 - a) / (1 - b))",
        expected="sum(pi * sp.log(pi / qi) for pi, qi in [(a, b), (1 - a, 1 - b)])",
    ),
))

MLE = Assignment("04_maximum_likelihood", (
    FunctionQuestion(
        name="bernoulli_mle", label="ex-mle-selfcheck", points=2,
        task="Write `bernoulli_mle(x)`, the maximum-likelihood estimate of $\\theta$ from an "
        "array `x` of 0/1 tosses.",
        function="bernoulli_mle", signature="x",
        docstring="Maximum-likelihood estimate of the probability of 1.",
        body="return float(np.mean(x))",
        public_args="([0, 1, 1, 0],)",
        inputs="(rng.integers(0, 2, size=int(rng.integers(5, 200))),)",
        reference="lambda x: infolib.Bernoulli.fit(x).p",
    ),
    ExpressionQuestion(
        name="bernoulli_formula", label="ex-mle-selfcheck", points=1,
        task="`theta_hat`, the estimate as a SymPy expression in the symbols `c` and `N`.",
        variable="theta_hat", symbols='c, N = sp.symbols("c N", positive=True)',
        solution="c / N",
        expected="sp.solve(sp.diff(c * sp.log(sp.Symbol('t')) + (N - c) * "
        "sp.log(1 - sp.Symbol('t')), sp.Symbol('t')), sp.Symbol('t'))[0]",
    ),
    ExpressionQuestion(
        name="poisson_mle", label="ex-mle-poisson", points=2,
        task="`m_hat`, the maximum-likelihood estimate of $m$ as a SymPy expression in the "
        "symbols `S` (the sum $x_1 + \\dots + x_N$ of the counts) and `N`.",
        variable="m_hat", symbols='S, N = sp.symbols("S N", positive=True)',
        solution="S / N",
        expected="sp.solve(sp.diff(S * sp.log(sp.Symbol('m')) - N * sp.Symbol('m'), "
        "sp.Symbol('m')), sp.Symbol('m'))[0]",
    ),
    FunctionQuestion(
        name="categorical_nll", label="ex-mle-categorical-entropy", points=2,
        task="Write `nll_at_estimate(rolls, k)`, the negative log-likelihood (nats) of the "
        "rolls (integers in $0, \\dots, k - 1$) under the categorical maximum-likelihood fit.",
        function="nll_at_estimate", signature="rolls, k",
        docstring="Negative log-likelihood of the rolls at the categorical MLE.",
        body="counts = np.bincount(rolls, minlength=k)\nq = counts / counts.sum()\n"
        "return float(-np.sum(np.log(q[rolls])))",
        public_args="(np.array([0, 1, 1, 2]), 3)",
        inputs="(rng.integers(0, 6, size=int(rng.integers(10, 300))), 6)",
        reference="lambda x, k: len(x) * infolib.Categorical.fit(x, k=k).entropy()",
        rtol=1e-8,
    ),
))

ASSIGNMENTS: tuple[Assignment, ...] = (ENTROPY, CROSS_ENTROPY, KL, MLE)
