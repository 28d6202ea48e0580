"""One verified-mixture round as a researcher would write it in numpy, timed per round: draw the
m points, label them (flip noise), filter them (noisy verifier), accumulate X^T X and X^T y of the
kept points, fit ridge with a dense solve and score the exact accuracy. Points go in chunks of
at most 2^20 rows (8 * 2^20 * d bytes), so large m runs in bounded memory at the same flop count.
Prints one JSON line per (d, m): {"d": ..., "m": ..., "seconds": ..., "accuracy": ...}.
Usage: python3 verified_mixture_round.py D1:M1,D2:M2,...  [REPEATS]
"""
import json
import math
import sys
import time

import numpy as np

from verified_mixture import draw_kept, phi_cdf

CHUNK = 1 << 20


def one_round(rng, d, m, mu=1.0, eps=0.3, phi=0.8, psi=0.3, ridge=1.0):
    gram = np.zeros((d, d))
    xty = np.zeros(d)
    for start in range(0, m, CHUNK):
        rows = min(CHUNK, m - start)
        xk, yk = draw_kept(rng, rows, d, mu, eps, phi, psi)
        gram += xk.T @ xk
        xty += xk.T @ yk
    w = np.linalg.solve(gram / m + ridge * np.eye(d), xty / m)
    return phi_cdf(mu * w[0] / np.linalg.norm(w))


def main():
    cells = [tuple(int(float(v)) for v in cell.split(":")) for cell in sys.argv[1].split(",")]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = np.random.default_rng(2025)
    for d, m in cells:
        best = math.inf
        for _ in range(repeats):
            start = time.perf_counter()
            accuracy = one_round(rng, d, m)
            best = min(best, time.perf_counter() - start)
        print(json.dumps({"d": d, "m": m, "seconds": best, "accuracy": accuracy}), flush=True)


if __name__ == "__main__":
    main()
