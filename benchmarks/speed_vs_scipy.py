"""Speed of infolib against scipy.special one-liners on 10^7-element inputs.

Run with ``make benchmark`` (or ``python benchmarks/speed_vs_scipy.py``). For each
function it prints the best of several timings of infolib (validation included) and
of the corresponding scipy.special ufunc one-liner, measured in the same run, and
their ratio. The goal (issue 3) is a ratio of at most 2. Timings on a shared machine
are noisy, so this is a script to read, not a test that fails.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
from scipy import special

import infolib


def best_time(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10**7)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    rng = np.random.default_rng(20261123)
    p = rng.random(args.size)
    p /= p.sum()
    q = rng.random(args.size)
    q /= q.sum()
    k = 10
    logits = rng.normal(scale=3.0, size=(args.size // k, k))
    labels = rng.integers(0, k, size=args.size // k)

    cases = {
        "entropy": (lambda: infolib.entropy(p), lambda: special.entr(p).sum()),
        "cross_entropy": (
            lambda: infolib.cross_entropy(p, q),
            lambda: -special.xlogy(p, q).sum(),
        ),
        "kl_divergence": (
            lambda: infolib.kl_divergence(p, q),
            lambda: special.rel_entr(p, q).sum(),
        ),
        "cross_entropy_with_logits": (
            lambda: infolib.cross_entropy_with_logits(labels, logits),
            lambda: (
                -np.take_along_axis(
                    special.log_softmax(logits, axis=1), labels[:, None], axis=1
                ).mean()
            ),
        ),
    }
    print(f"n = {args.size:,} elements, best of {args.repeats} runs")
    print(f"{'function':<28}{'infolib [ms]':>14}{'scipy [ms]':>12}{'ratio':>8}")
    worst = 0.0
    for name, (ours, ref) in cases.items():
        t_ours = best_time(ours, args.repeats)
        t_ref = best_time(ref, args.repeats)
        ratio = t_ours / t_ref
        worst = max(worst, ratio)
        print(f"{name:<28}{1e3 * t_ours:>14.1f}{1e3 * t_ref:>12.1f}{ratio:>8.2f}")
    verdict = "within" if worst <= 2.0 else "OVER"
    print(f"worst ratio {worst:.2f}: {verdict} the 2x goal")


if __name__ == "__main__":
    main()
