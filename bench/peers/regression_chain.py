"""The regression chain (linear regression refitted on its previous fit's noisy labels, replace,
least squares) as a numpy user would write it: every round draws the inputs (fresh design) or
reuses them (fixed design), labels them with one matrix-vector product, and solves the normal
equations. Prints JSON with the wall time of the chain and its final test error, for
bench/regression-chain.ts to compare.

usage: python3 regression_chain.py DIM SAMPLES GENERATIONS DESIGN NOISE SEED
"""
import json
import sys
import time

import numpy as np


def chain(rng, d, n, generations, design, noise):
    truth = np.zeros(d)
    truth[0] = 1.0
    w = truth.copy()
    x = rng.standard_normal((n, d)) if design == "fixed" else None
    gram = x.T @ x if design == "fixed" else None
    for _ in range(generations):
        if design == "fresh":
            x = rng.standard_normal((n, d))
            gram = x.T @ x
        y = x @ w + noise * rng.standard_normal(n)
        w = np.linalg.solve(gram, x.T @ y)
    return float(np.sum((w - truth) ** 2))


def main():
    d, n, generations = (int(v) for v in sys.argv[1:4])
    design, noise, seed = sys.argv[4], float(sys.argv[5]), int(sys.argv[6])
    rng = np.random.default_rng(seed)
    chain(rng, d, n, 2, design, noise)  # warm-up: BLAS threads, first-touch allocations
    start = time.perf_counter()
    error = chain(rng, d, n, generations, design, noise)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "testError": error, "numpy": np.__version__}))


main()
