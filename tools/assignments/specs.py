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
        body="p = np.asarray(p, dtype=float)\nnz = p[p > 0]\n"
        "return float(-np.sum(nz * np.log2(nz)))",
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

CLASSIFICATION = Assignment("06_classification", (
    ExpressionQuestion(
        name="bce_gradient", label="ex-clf-binary-sigmoid", points=2,
        task="`dBCE`, the derivative $\\mathrm{BCE}'(z)$ as a SymPy expression in the symbols "
        "`z` and `y`.",
        variable="dBCE", symbols='z, y = sp.symbols("z y", real=True)',
        solution="1 / (1 + sp.exp(-z)) - y",
        expected="sp.diff(-y * sp.log(1 / (1 + sp.exp(-z))) - (1 - y) * "
        "sp.log(1 - 1 / (1 + sp.exp(-z))), z)",
    ),
    NumberQuestion(
        name="smoothed_entropy", label="ex-clf-smoothing-entropy", points=1,
        task="`H_smooth`, the entropy in nats of one smoothed target for $K = 3$ and "
        "$\\varepsilon = 0.2$.",
        answers={"H_smooth": (
            "infolib.entropy(infolib.classification.smooth_labels([0], 3, epsilon=0.2)[0])",
            "(lambda a, r: -a * np.log(a) - 2 * r * np.log(r))(1 - 0.2 + 0.2 / 3, 0.2 / 3)",
        )},
    ),
    FunctionQuestion(
        name="mean_log_loss", label="ex-clf-selfcheck", points=2,
        task="Write `mean_log_loss(labels, logits)`: the mean cross-entropy (nats) of integer "
        "labels `labels` (shape `(N,)`) under the softmax of `logits` (shape `(N, K)`). It must "
        "not overflow for logits in the hundreds.",
        function="mean_log_loss", signature="labels, logits",
        docstring="Mean softmax cross-entropy of integer labels, in nats.",
        body="z = np.asarray(logits, dtype=float)\nm = z.max(axis=1, keepdims=True)\n"
        "log_norm = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))\n"
        "return float(np.mean(log_norm - z[np.arange(len(z)), labels]))",
        public_args="([0, 1], [[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]])",
        inputs="(lambda n, k: (rng.integers(0, k, size=n), rng.normal(0, 300, size=(n, k))))"
        "(int(rng.integers(1, 20)), int(rng.integers(2, 6)))",
        reference="lambda y, z: infolib.cross_entropy_with_logits(y, z, reduction='mean')",
    ),
    NumberQuestion(
        name="training_loss", label="ex-clf-selfcheck", points=1,
        task="`J`, the training loss of the two examples in nats.",
        answers={"J": (
            "infolib.cross_entropy_with_logits([0, 1], [[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]])",
            "np.mean([-infolib.log_softmax([2.0, 0.0, -1.0])[0], "
            "-infolib.log_softmax([0.0, 3.0, 0.0])[1]])",
        )},
    ),
))

CONTINUOUS = Assignment("07_continuous_models", (
    ExpressionQuestion(
        name="exponential_kl", label="ex-cont-exponential-kl", points=2,
        task="`kl_exp`, $D_{\\mathrm{KL}}(p\\,\\|\\,q)$ in nats as a SymPy expression in the "
        "symbols `beta1` and `beta2`.",
        variable="kl_exp", symbols='beta1, beta2 = sp.symbols("beta1 beta2", positive=True)',
        solution="sp.log(beta1 / beta2) + beta2 / beta1 - 1",
        expected="sp.integrate(beta1 * sp.exp(-beta1 * sp.Symbol('x', positive=True)) * "
        "sp.log(beta1 * sp.exp(-beta1 * sp.Symbol('x', positive=True)) / (beta2 * "
        "sp.exp(-beta2 * sp.Symbol('x', positive=True)))), (sp.Symbol('x', positive=True), "
        "0, sp.oo))",
    ),
    FunctionQuestion(
        name="gaussian_kl", label="ex-cont-selfcheck", points=2,
        task="Write `gaussian_kl(m1, s1, m2, s2)`, $D_{\\mathrm{KL}}(\\mathcal N(m_1, s_1^2)\\,"
        "\\|\\,\\mathcal N(m_2, s_2^2))$ in nats, from the closed form.",
        function="gaussian_kl", signature="m1, s1, m2, s2",
        docstring="KL divergence between two Gaussians, in nats.",
        body="return float(np.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5)",
        public_args="(0.0, 1.0, 1.0, 2.0)",
        inputs="(rng.normal(0, 3), rng.uniform(0.1, 5), rng.normal(0, 3), rng.uniform(0.1, 5))",
        reference="lambda m1, s1, m2, s2: "
        "infolib.Gaussian(m1, s1).kl_divergence(infolib.Gaussian(m2, s2))",
    ),
    NumberQuestion(
        name="gaussian_kl_value", label="ex-cont-selfcheck", points=1,
        task="`kl_value`, $D_{\\mathrm{KL}}(\\mathcal N(0, 1)\\,\\|\\,\\mathcal N(1, 2^2))$ "
        "in nats.",
        answers={"kl_value": (
            "np.log(2.0) + (1.0 + 1.0) / (2 * 2.0**2) - 0.5",
            "infolib.Gaussian(0.0, 1.0).kl_divergence(infolib.Gaussian(1.0, 2.0))",
        )},
    ),
))

STABILITY = Assignment("09_numerical_stability", (
    FunctionQuestion(
        name="softplus", label="ex-num-softplus", points=2,
        task="Write `softplus(z)` $= \\log(1 + e^{z})$ for a float `z`, with the stable formula: "
        "it must be accurate for $|z|$ up to 1000 (no overflow, no `inf`).",
        function="softplus", signature="z",
        docstring="log(1 + exp(z)) without overflow.",
        body="return float(max(z, 0.0) + np.log1p(np.exp(-abs(z))))",
        public_args="(0.0,)",
        inputs="(float(rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)),)",
        reference="lambda z: infolib.binary_cross_entropy_with_logits(0.0, z)",
    ),
    FunctionQuestion(
        name="logsumexp", label="ex-num-selfcheck", points=2,
        task="Write `logsumexp(z)` $= \\log\\sum_k e^{z_k}$ for a 1-D array `z`, without "
        "overflow for entries in the thousands.",
        function="logsumexp", signature="z",
        docstring="log(sum(exp(z))) without overflow.",
        body="z = np.asarray(z, dtype=float)\nm = z.max()\n"
        "return float(m + np.log(np.exp(z - m).sum()))",
        public_args="([1000.0, 999.0, 998.0],)",
        inputs="(rng.normal(0, 1000, size=int(rng.integers(1, 10))),)",
        reference="lambda z: z[0] - infolib.log_softmax(z)[0]",
    ),
    NumberQuestion(
        name="lse_excess", label="ex-num-selfcheck", points=1,
        task="`excess`, the value $\\log\\sum_k e^{z_k} - 1000$ for $z = (1000, 999, 998)$.",
        answers={"excess": (
            "np.log(np.exp(np.array([0.0, -1.0, -2.0])).sum())",
            "-infolib.log_softmax([1000.0, 999.0, 998.0])[0]",
        )},
    ),
    ExpressionQuestion(
        name="fisher_coefficient", label="ex-num-fisher", points=2,
        task="`coefficient`, the coefficient of $\\varepsilon^2$ in the expansion of "
        "$d(\\varepsilon)$, as a SymPy expression in the symbol `a`.",
        variable="coefficient", symbols='a = sp.Symbol("a", positive=True)',
        solution="1 / (2 * a * (1 - a))",
        expected="(lambda e: sp.series(a * sp.log(a / (a + e)) + (1 - a) * sp.log((1 - a) / "
        "(1 - a - e)), e, 0, 3).removeO().coeff(e, 2))(sp.Symbol('epsilon'))",
    ),
))

#: Every chapter with an assignment, in the book's order.
ASSIGNMENTS: tuple[Assignment, ...] = (
    ENTROPY, CROSS_ENTROPY, KL, MLE, CLASSIFICATION, CONTINUOUS, STABILITY,
)
