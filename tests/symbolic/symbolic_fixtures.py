"""Symbols and chains shared by the tests of infolib.symbolic."""

from __future__ import annotations

import sympy as sp

from infolib.symbolic import Derivation, categorical_symbols, density_symbols

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
