"""Tests of equality chains: the equality prover and Derivation.check on "=" steps."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from symbolic_fixtures import H, Hpq, i, integral, j, kl_chain, n, p, pf, q, qf, s, x

from infolib.symbolic import (
    Derivation,
    DerivationError,
    prove_equal,
)


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


def test_doit_proves_an_infinite_limit_value_and_refuses_a_wrong_one():
    # Limit - oo evaluates to oo - oo = nan: the doit strategy must evaluate the limit instead
    th = sp.Symbol("theta", positive=True)
    slope = sp.Limit(sp.log(1 - th) - sp.log(th), th, 0, "+")
    assert Derivation(slope).step(sp.oo, "evaluate", method="doit").check().checked
    assert prove_equal(slope, sp.oo, method="doit")
    for wrong in (-sp.oo, sp.Integer(0), sp.Symbol("epsilon")):
        with pytest.raises(DerivationError):
            Derivation(slope).step(wrong, "evaluate", method="doit").check()
    assert not prove_equal(sp.Limit(sp.log(th), th, 0, "+"), sp.oo, method="doit")
    assert prove_equal(sp.Limit(sp.log(th), th, 0, "+"), -sp.oo, method="doit")
    # only with method="doit": the automatic strategies do not evaluate limits
    with pytest.raises(DerivationError):
        Derivation(slope).step(sp.oo, "evaluate").check()
