"""The curated-choice round (replace) as a numpy user would write it: K candidates per sample by
searchsorted on the cumulative table, the Bradley-Terry choice among them, the refit by
bincount, the metrics, and the conditional columns through the curation map by quadrature in
ln u (the same trapezoid rule). Prints JSON with the wall time of the rounds (the base excluded)
and the final metrics, for bench/curated-choice.ts to compare.

usage: python3 curated_choice.py SUPPORT SAMPLES CHOICES ROUNDS SEED
"""
import json
import sys
import time

import numpy as np

NODES = 500


def curation_map(p, w, k):
    live = p > 0
    pl, wl = p[live], w[live]
    lo, hi = np.log(1e-14 / wl.max()), np.log(60.0 / (k * wl.min()) + 60.0 / wl.min())
    s = np.linspace(lo, hi, NODES)
    u = np.exp(s)
    decay = np.exp(-u[:, None] * wl[None, :])
    phi = decay @ pl
    trap = np.full(NODES, (hi - lo) / (NODES - 1))
    trap[[0, -1]] *= 0.5
    weight = trap * u * phi ** (k - 1)
    out = np.zeros_like(p)
    out[live] = k * pl * wl * (weight @ decay)
    return out / out.sum()


def main():
    support, samples, choices, rounds, seed = (int(x) for x in sys.argv[1:6])
    rng = np.random.default_rng(seed)
    p0 = 1.0 / np.arange(1, support + 1)
    p0 /= p0.sum()
    r = np.linspace(0.0, 2.0, support)
    w = np.exp(r - r.max())
    p = p0.copy()
    start = time.perf_counter()
    for _ in range(rounds):
        q = curation_map(p, w, choices)
        conditional = {"meanReward": float(q @ r), "topMass": float(q[-1]), "supportSize": float((1 - (1 - q) ** samples).sum())}
        cdf = np.cumsum(p)
        idx = np.searchsorted(cdf, rng.random((samples, choices)) * cdf[-1], side="right")
        wt = w[idx]
        pick = (np.cumsum(wt, 1) <= rng.random((samples, 1)) * wt.sum(1, keepdims=True)).sum(1)
        chosen = idx[np.arange(samples), np.minimum(pick, choices - 1)]
        p = np.bincount(chosen, minlength=support) / samples
        alive = p > 0
        metrics = {
            "meanReward": float(p @ r), "topMass": float(p[-1]), "supportSize": int(alive.sum()), "gini": float(1 - p @ p),
            "entropy": float(-(p[alive] * np.log(p[alive])).sum()), "klFromBase": float((p[alive] * np.log(p[alive] / p0[alive])).sum()),
        }
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "numpy": np.__version__, "metrics": metrics, "conditional": conditional}))


main()
