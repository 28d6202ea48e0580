"""The verified-mixture sweep as a researcher would write it in numpy: materialise X, label,
filter, fit ridge with X^T X and a dense solve, score the exact accuracy. Prints one JSON line
per m: {"m": ..., "seconds": ...}. Usage: python3 verified_mixture.py D M1,M2,... EPS_POINTS REPS
"""
import json
import math
import sys
import time

import numpy as np


def phi_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def draw_kept(rng, rows, d, mu, eps, phi, psi):
    """rows points of the mixture, flip-labelled and filtered: the kept points and their labels."""
    y = rng.choice(np.array([-1.0, 1.0]), size=rows)
    x = rng.standard_normal((rows, d))
    x[:, 0] += mu * y
    flipped = rng.random(rows) < eps
    labels = np.where(flipped, -y, y)
    keep = rng.random(rows) < np.where(flipped, psi, phi)
    return x[keep], labels[keep]


def one_round(rng, d, m, mu, eps, phi, psi, ridge):
    xk, yk = draw_kept(rng, m, d, mu, eps, phi, psi)
    w = np.linalg.solve(xk.T @ xk / m + ridge * np.eye(d), xk.T @ yk / m)
    return phi_cdf(mu * w[0] / np.linalg.norm(w))


def main():
    d, ms, points, reps = int(sys.argv[1]), [int(v) for v in sys.argv[2].split(",")], int(sys.argv[3]), int(sys.argv[4])
    grid = np.linspace(0.0, 1.0, points)
    for m in ms:
        rng = np.random.default_rng(2025)
        start = time.perf_counter()
        total = 0.0
        for eps in grid:
            for _ in range(reps):
                total += one_round(rng, d, m, 1.0, eps, 0.8, 0.3, 1.0)
        seconds = time.perf_counter() - start
        print(json.dumps({"m": m, "seconds": seconds, "meanAccuracy": total / (points * reps)}), flush=True)


if __name__ == "__main__":
    main()
