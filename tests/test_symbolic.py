"""Tests of infolib.symbolic: derivations proved step by step with SymPy."""

from __future__ import annotations

import re

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib.symbolic import (
    Derivation,
    DerivationError,
    categorical_symbols,
    density_symbols,
    evaluate_deltas,
    lagrange_stationary_points,
    prove_equal,
    prove_nonnegative,
    swap_sums,
)

p, q, i, n = categorical_symbols()
j = sp.Symbol("j", integer=True)
x, pf, qf = density_symbols()
H, Hpq = sp.symbols("H H_pq")


def s(e, k=i):
    return sp.Sum(e, (k, 1, n))


def integral(e):
    return sp.Integral(e, (x, -sp.oo, sp.oo))


def kl_chain() -> Derivation:
    d = Derivation(
        s(p[i] * sp.log(p[i] / q[i])),
        name=r"D_{\mathrm{KL}}(p \| q)",
        assumptions="p_i, q_i > 0",
        substitutions={s(p[i]): 1},
    )
    d.step(s(p[i] * (sp.log(p[i]) - sp.log(q[i]))), "log of a quotient")
    d.step(s(p[i] * sp.log(p[i])) - s(p[i] * sp.log(q[i])), "linearity of the sum")
    d.step(
        -H + Hpq,
        "definitions of H(p), H(p, q)",
        rewrite={H: -s(p[i] * sp.log(p[i])), Hpq: -s(p[i] * sp.log(q[i]))},
    )
    return d


# --------------------------------------------------------------------------- symbols


def test_categorical_symbols_assumptions():
    assert p[i].is_positive and q[j].is_positive
    assert i.is_integer and n.is_integer and n.is_positive
    a, b, c, k, m = categorical_symbols(("a", "b", "c"), index="k", n="m", positive=False)
    assert a[k].is_real and a[k].is_positive is None
    assert (k.name, m.name) == ("k", "m")


def test_density_symbols_assumptions():
    assert x.is_real
    assert pf(x).is_positive and qf(x).is_positive
    assert sp.expand(sp.log(pf(x) / qf(x))) == sp.log(pf(x)) - sp.log(qf(x))


# --------------------------------------------------------------------------- equality chains


def test_kl_chain_for_general_n_checks():
    d = kl_chain()
    assert not d.checked
    assert d.check() is d
    assert d.checked
    assert d.relation == "="
    assert d.summary() == "3 steps checked by SymPy"
    assert all(step.proved_by for step in d.steps)
    assert d.conclusion == sp.Eq(d.start, -H + Hpq, evaluate=False)


def test_kl_chain_for_densities_checks():
    lpq = sp.log(pf(x) / qf(x))
    d = Derivation(integral(pf(x) * lpq), name=r"D_{\mathrm{KL}}(p \| q)")
    d.step(integral(pf(x) * (sp.log(pf(x)) - sp.log(qf(x)))), "log of a quotient")
    d.step(integral(pf(x) * sp.log(pf(x))) - integral(pf(x) * sp.log(qf(x))), "linearity")
    d.step(
        -H + Hpq,
        "definitions",
        rewrite={H: -integral(pf(x) * sp.log(pf(x))), Hpq: -integral(pf(x) * sp.log(qf(x)))},
    )
    assert d.check().checked


def test_false_step_raises_naming_step_and_justification():
    d = Derivation(s(p[i] * sp.log(p[i] / q[i])))
    d.step(s(p[i] * (sp.log(p[i]) - sp.log(q[i]))), "log of a quotient")
    d.step(s(p[i] * sp.log(p[i])) + s(p[i] * sp.log(q[i])), "linearity of the sum")  # sign error
    d.step(s(p[i] * sp.log(p[i] * q[i])), "log of a product")
    with pytest.raises(DerivationError) as info:
        d.check()
    err = info.value
    msg = str(err)
    assert msg.startswith("step 2 ('linearity of the sum') does not follow: ")
    assert " != " in msg and "difference simplifies to" in msg
    assert sp.sstr(d.steps[0].expr) in msg and sp.sstr(d.steps[1].expr) in msg
    assert (err.step, err.why) == (2, "linearity of the sum")
    assert msg.endswith("difference simplifies to -2*Sum(log(q[i])*p[i], (i, 1, n))")
    assert prove_equal(err.residual, -2 * s(p[i] * sp.log(q[i])))
    assert isinstance(err, AssertionError)
    assert not d.checked


def test_first_false_step_is_reported():
    y = sp.Symbol("y")
    d = Derivation(y).step(y + 1, "wrong").step(y + 2, "also wrong")
    with pytest.raises(DerivationError, match=r"^step 1 \('wrong'\)"):
        d.check()


def test_false_identities_are_rejected():
    u, v = sp.symbols("u v", real=True)
    assert not prove_equal(s(p[i] * q[i]), s(p[i]) * s(q[i]))
    assert not prove_equal(s(p[i]), sp.Sum(p[i], (i, 1, n + 1)))
    assert not prove_equal(s(i * p[i]), i * s(p[i]))
    assert not prove_equal(sp.sqrt(x**2), x)
    assert not prove_equal(integral(x * pf(x)), x * integral(pf(x)))
    assert not prove_equal(sp.log(u * v), sp.log(u) + sp.log(v))


def test_log_rule_needs_positive_symbols_and_says_so():
    u, v = sp.symbols("u v", real=True)
    d = Derivation(sp.log(u * v)).step(sp.log(u) + sp.log(v), "log of a product")
    with pytest.raises(DerivationError, match="positive=True"):
        d.check()
    a, b = sp.symbols("a b", positive=True)
    assert Derivation(sp.log(a * b)).step(sp.log(a) + sp.log(b), "log of a product").check().checked


def test_sum_linear_normaliser():
    a, b = sp.IndexedBase("a"), sp.IndexedBase("b")
    c = sp.Symbol("c")
    d = Derivation(s(a[i] + b[i]) - s(a[i]) - s(b[i]))
    d.step(0, "linearity", method="sum_linear")
    d.step(s(c * a[j], j) - c * s(a[i]), "rename the index, pull out c", method="sum_linear")
    assert d.check().checked
    # products of sums are nested sums
    assert prove_equal(s(s(p[i] * q[j], j)), s(p[i]) * s(q[j], j))
    assert prove_equal(-s(sp.log(1 / n) / n), sp.log(n))


@settings(max_examples=25, deadline=None)
@given(st.integers(-5, 5), st.integers(-5, 5), st.integers(1, 5))
def test_linear_combinations_of_sums(c1, c2, wrong):
    a, b = sp.IndexedBase("a"), sp.IndexedBase("b")
    lhs = s(c1 * a[i] + c2 * b[i])
    assert prove_equal(lhs, c1 * s(a[i]) + c2 * s(b[i]), method="sum_linear")
    assert not prove_equal(lhs, c1 * s(a[i]) + (c2 + wrong) * s(b[i]))


def test_substitute_step_uses_normalisation():
    c = sp.Symbol("c")
    start = s(p[i] * (sp.log(p[i]) + c))
    d = Derivation(start, substitutions={s(p[i]): 1})
    d.step(s(p[i] * sp.log(p[i])) + c, r"$\sum_i p_i = 1$", method="substitute")
    assert d.check().steps[0].proved_by == "substitute"
    assert r"\sum_{i=1}^{n} {p}_{i} = 1" in d.latex()
    # the same step without the fact is rejected
    bare = Derivation(start).step(s(p[i] * sp.log(p[i])) + c, "normalisation")
    with pytest.raises(DerivationError, match="step 1"):
        bare.check()
    # step-level facts work too, and method="substitute" without facts is an error
    local = Derivation(start).step(
        s(p[i] * sp.log(p[i])) + c, "normalisation", substitutions={s(p[i]): 1}
    )
    assert local.check().checked
    with pytest.raises(ValueError, match="substitutions"):
        Derivation(start).step(start, "x", method="substitute")


def test_rewrites_apply_to_later_steps():
    d = Derivation(s(p[i] * sp.log(1 / p[i])))
    d.step(H, "definition of H", rewrite={H: -s(p[i] * sp.log(p[i]))})
    d.step(-s(p[i] * sp.log(p[i])), "definition again")  # needs the rewrite of step 1
    assert d.check().checked


def test_doit_for_concrete_density():
    mu = sp.Symbol("mu", real=True)
    sigma = sp.Symbol("sigma", positive=True)
    normal = sp.exp(-((x - mu) ** 2) / (2 * sigma**2)) / sp.sqrt(2 * sp.pi * sigma**2)
    d = Derivation(integral(normal)).step(1, "Gaussian integral", method="doit")
    assert d.check().checked
    wrong = Derivation(integral(normal)).step(2, "Gaussian integral", method="doit")
    with pytest.raises(DerivationError):
        wrong.check()


# --------------------------------------------------------------------------- inequalities


def gibbs_chain() -> Derivation:
    d = Derivation(
        s(p[i] * sp.log(q[i] / p[i])),
        name=r"-D_{\mathrm{KL}}(p \| q)",
        substitutions={s(p[i]): 1, s(q[i]): 1},
    )
    d.step(s(p[i] * (q[i] / p[i] - 1)), r"$\log x \le x - 1$", relation="<=")
    d.step(s(q[i]) - s(p[i]), "linearity")
    d.step(0, "normalisation", method="substitute")
    return d


def test_inequality_chain_proves_gibbs():
    d = gibbs_chain().check()
    assert d.relation == "<="
    assert isinstance(d.conclusion, sp.LessThan)
    assert "<=" in d.summary()
    assert r"&\le " in d.latex()


def test_inequality_chain_for_densities():
    d = Derivation(
        integral(pf(x) * sp.log(qf(x) / pf(x))),
        substitutions={integral(pf(x)): 1, integral(qf(x)): 1},
    )
    d.step(integral(pf(x) * (qf(x) / pf(x) - 1)), "log x <= x - 1", relation="<=")
    d.step(integral(qf(x)) - integral(pf(x)), "linearity")
    d.step(0, "normalisation")
    assert d.check().checked


def test_false_inequality_is_rejected():
    d = Derivation(s(p[i] * sp.log(q[i] / p[i])))
    d.step(s(p[i] * (q[i] / p[i] - 1)), "log x >= x - 1 (false)", relation=">=")
    with pytest.raises(DerivationError, match=r"step 1 .*could not prove .* >= "):
        d.check()
    t = sp.Symbol("t", positive=True)
    strict = Derivation(sp.log(t)).step(t - 1, "strict (false at t = 1)", relation="<")
    with pytest.raises(DerivationError):
        strict.check()
    assert Derivation(sp.log(t)).step(t - 1, "log t <= t - 1", relation="<=").check().checked


def test_inequality_with_lemma_callable():
    calls = []

    def lemma(lhs, rhs):
        calls.append((lhs, rhs))
        return True

    t = sp.Symbol("t", positive=True)
    d = Derivation(sp.sin(t)).step(1, "sin t <= 1", relation="<=", method=lemma)
    assert d.check().checked and calls == [(sp.sin(t), 1)]
    refused = Derivation(sp.sin(t)).step(0, "no", relation="<=", method=lambda lhs, rhs: False)
    with pytest.raises(DerivationError, match="supplied method returned False"):
        refused.check()
    # without a lemma SymPy cannot prove it, and must not pretend to
    with pytest.raises(DerivationError):
        Derivation(sp.sin(t)).step(1, "sin t <= 1", relation="<=").check()


def test_prove_nonnegative():
    t = sp.Symbol("t", positive=True)
    y = sp.Symbol("y", real=True)
    assert prove_nonnegative(t - 1 - sp.log(t))
    assert prove_nonnegative(sp.exp(y) - 1 - y)
    assert prove_nonnegative(sp.exp(y) - y, strict=True)
    assert prove_nonnegative(sp.expand((y - 1) ** 2))
    assert not prove_nonnegative(-((y - 1) ** 2))
    assert not prove_nonnegative(1 / y)
    assert not prove_nonnegative(sp.log(t) - t + 1)
    assert not prove_nonnegative(s(p[i] * sp.log(p[i])))


def test_mixed_directions_and_bad_methods_are_refused():
    t = sp.Symbol("t", positive=True)
    d = Derivation(t).step(t + 1, "up", relation="<=")
    with pytest.raises(ValueError, match="mixing"):
        d.step(t, "down", relation=">=")
    with pytest.raises(ValueError, match="unknown method"):
        Derivation(t).step(t, "x", method="magic")
    with pytest.raises(ValueError, match="relation"):
        Derivation(t).step(t, "x", relation="!=")


# --------------------------------------------------------------------------- rendering


def test_latex_rendering_contains_chain_and_justifications():
    d = kl_chain().check()
    tex = d._repr_latex_()
    assert tex.startswith("$$\\begin{aligned}") and tex.endswith("\\end{aligned}$$")
    assert tex == "$$" + d.latex() + "$$"
    assert r"D_{\mathrm{KL}}(p \| q) &= " in tex
    assert r"\text{assuming } p_i, q_i > 0" in tex
    for step in d.steps:
        assert r"\text{(" + step.why + ")}" in tex
    rows = d.latex().split("\\\\\n")
    assert len(rows) == 4
    assert r"{p}_{i} \log{\left(\frac{{p}_{i}}{{q}_{i}} \right)}" in rows[0]  # p_i log(...)
    assert r"\sum_{i=1}^{n}" in rows[1]


def test_latex_escapes_justification_text():
    y = sp.Symbol("y")
    d = Derivation(y + y).step(2 * y, r"collect & 100% of $\alpha_1$").check()
    row = d.latex().split("\\\\\n")[1]
    # exactly the three alignment tabs: '&= ... && ...'
    assert len(re.findall(r"(?<!\\)&", row)) == 3
    assert r"\&" in row and r"\%" in row and r"\alpha_1" in row


def test_unchecked_rendering_is_marked():
    d = kl_chain()
    assert "not checked" in d._repr_latex_()
    assert "not checked" in repr(d)
    d.check()
    assert "not checked" not in d._repr_latex_()
    d.step(-H + Hpq, "again")
    assert not d.checked


def test_symbol_names_are_used():
    y = sp.Symbol("y")
    d = Derivation(2 * y, symbol_names={y: r"\theta"}).step(y + y, "split").check()
    assert r"\theta" in d.latex()


def test_repr_is_deterministic_and_lists_steps():
    a, b = kl_chain().check(), kl_chain().check()
    assert repr(a) == repr(b) == str(a)
    assert "0x" not in repr(a)
    lines = repr(a).splitlines()
    assert lines[0] == r"Derivation D_{\mathrm{KL}}(p \| q): 3 steps checked by SymPy"
    for step in a.steps:
        assert any(line.endswith(f"[{step.why}]") for line in lines)
    assert repr(gibbs_chain().check()) == repr(gibbs_chain().check())
    assert a._repr_latex_() == b._repr_latex_()


def test_steps_unpack_as_expr_and_why():
    d = kl_chain()
    expr, why = d.steps[0]
    assert why == "log of a quotient"
    assert expr == s(p[i] * (sp.log(p[i]) - sp.log(q[i])))


# --------------------------------------------------------------------------- Lagrange


def test_lagrange_maximum_entropy_is_uniform():
    ps = sp.symbols("p1:4", positive=True)
    entropy = -sum(v * sp.log(v) for v in ps)
    sols = lagrange_stationary_points(entropy, ps, sp.Eq(sum(ps), 1))
    assert len(sols) == 1
    assert all(sols[0][v] == sp.Rational(1, 3) for v in ps)


def test_sum_with_constant_summand_is_nonnegative_termwise():
    """Sum(p log(n p) - p + 1/n) >= 0 since each term is; normalising must not hide it."""
    p, q, i, n = categorical_symbols()
    total = sp.Sum(p[i] * sp.log(n * p[i]) - p[i] + 1 / n, (i, 1, n))
    assert prove_nonnegative(total)
    Derivation(total).step(sp.Integer(0), "termwise", relation=">=").check()
    with pytest.raises(DerivationError):  # without the 1/n the terms can be negative
        Derivation(total - sp.Sum(1 / n, (i, 1, n))).step(
            sp.Integer(0), "false", relation=">="
        ).check()


def test_swap_sums_refuses_dependent_ranges_and_wrong_results():
    i, j, n, m = sp.symbols("i j n m", integer=True, positive=True)
    a = sp.IndexedBase("a")
    double = sp.Sum(a[i, j], (j, 1, m), (i, 1, n))
    assert swap_sums(double, sp.Sum(a[i, j], (i, 1, n), (j, 1, m)))
    assert not swap_sums(double, sp.Sum(a[i, j], (i, 1, m), (j, 1, n)))  # ranges mixed up
    triangle = sp.Sum(a[i, j], (j, 1, i), (i, 1, n))
    assert not swap_sums(triangle, sp.Sum(a[i, j], (i, 1, n), (j, 1, i)))


def test_evaluate_deltas_uses_only_the_stated_facts():
    k, y, K = sp.symbols("k y K", integer=True, positive=True)
    q = sp.IndexedBase("q", positive=True)
    one_hot_ce = -sp.Sum(sp.KroneckerDelta(k, y) * sp.log(q[k]), (k, 1, K))
    assert evaluate_deltas(y <= K)(one_hot_ce, -sp.log(q[y]))
    assert evaluate_deltas(K >= y)(one_hot_ce, -sp.log(q[y]))  # either spelling
    assert not evaluate_deltas()(one_hot_ce, -sp.log(q[y]))  # y might be out of range
    assert not evaluate_deltas(y <= K)(one_hot_ce, -2 * sp.log(q[y]))
    with pytest.raises(TypeError, match="facts"):
        evaluate_deltas(y)
