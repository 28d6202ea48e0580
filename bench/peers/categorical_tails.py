"""The categorical-tails round (replace) as a numpy user would write it: the transform
(temperature, top-k, top-p), the counts by rng.multinomial, the refit, the metrics and the
conditional columns, one array operation per step. Prints JSON with the wall time of the rounds
(the Zipf base excluded), each round's, and the final metrics, for bench/categorical-tails.ts to compare.

usage: python3 categorical_tails.py SUPPORT SAMPLES ROUNDS ZIPF TEMPERATURE TOPK TOPP TAILRANK SEED
(TOPK 0: no cut)
"""
import json
import sys
import time

import numpy as np


def transform(p, temperature, top_k, top_p):
    q = p.copy()
    if temperature != 1.0:
        support = q > 0
        q[support] = np.exp((np.log(q[support]) - np.log(q.max())) / temperature)
        q /= q.sum()
    if top_k or top_p < 1.0:
        order = np.argsort(-q, kind="stable")
        keep = min(top_k, q.size) if top_k else q.size
        if top_p < 1.0:
            kept = np.cumsum(q[order[:keep]])
            keep = min(keep, int(np.searchsorted(kept, top_p * kept[-1])) + 1)
        q[order[keep:]] = 0.0
        q /= q.sum()
    return q


def main():
    support, samples, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    zipf, temperature, top_k, top_p = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
    tail_rank, seed = int(sys.argv[8]), int(sys.argv[9])
    rng = np.random.default_rng(seed)
    p0 = np.arange(1, support + 1, dtype=np.float64) ** -zipf
    p0 /= p0.sum()
    p = p0.copy()
    start = time.perf_counter()
    times = []
    for _ in range(rounds):
        round_start = time.perf_counter()
        q = transform(p, temperature, top_k, top_p)
        absent = np.exp(samples * np.log1p(-np.minimum(q, 1.0)))
        conditional = {
            "supportSize": float((1.0 - absent).sum()),
            "lostMass": float((p0 * absent).sum()),
            "tailMass": float(q[tail_rank:].sum()),
            "gini": float((1.0 - 1.0 / samples) * (1.0 - (q * q).sum())),
        }
        counts = rng.multinomial(samples, q)
        p = counts / samples
        alive = p > 0
        metrics = {
            "supportSize": int(alive.sum()),
            "lostMass": float(p0[~alive].sum()),
            "tailMass": float(p[tail_rank:].sum()),
            "gini": float(1.0 - (p * p).sum()),
            "entropy": float(-(p[alive] * np.log(p[alive])).sum()),
        }
        times.append(time.perf_counter() - round_start)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rounds": times, "numpy": np.__version__, "metrics": metrics, "conditional": conditional}))


main()
