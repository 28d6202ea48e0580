"""The weak-data round (filter + hardest labels, sampling mode) as a numpy user would write it:
vectorised over prompts, one array operation per step. Prints JSON with the wall time of the
rounds (initial model excluded) and the final metrics, for bench/weak-data.ts to compare.

usage: python3 weak_data.py PROMPTS RESPONSES SAMPLES ROUNDS GAMMA RHO BETA ALPHA BUDGET UNSOLVABLE A B EPSILON SEED
"""
import json
import sys
import time

import numpy as np


def initial_model(rng, prompts, responses, unsolvable, a, b):
    head = rng.beta(a, b, prompts)
    head[: round(unsolvable * prompts)] = 0.0
    tail = rng.exponential(size=(prompts, responses - 1))
    tail *= ((1.0 - head) / tail.sum(axis=1))[:, None]
    return np.concatenate([head[:, None], tail], axis=1)


def sample_outcomes(rng, cdf, samples):
    """k samples per prompt by inverting each row's cumulative distribution."""
    u = rng.random((cdf.shape[0], samples)) * cdf[:, -1:]
    return np.minimum((u[:, :, None] >= cdf[:, None, :]).sum(axis=2), cdf.shape[1] - 1)


def hardest_first(rng, rejected, streak, budget):
    """Labels per prompt: most rejections, then longest streak, then at random; one per rejection."""
    order = np.lexsort((rng.random(rejected.size), -streak, -rejected))
    demand = rejected[order]
    before = np.cumsum(demand) - demand
    labels = np.empty(rejected.size, dtype=np.int64)
    labels[order] = np.clip(budget - before, 0, demand)
    return labels


def one_round(rng, p, streak, samples, gamma, rho, beta, alpha, budget, epsilon):
    prompts, responses = p.shape
    rows = np.arange(prompts)
    # 1. k samples per prompt.
    outcome = sample_outcomes(rng, np.cumsum(p, axis=1), samples)
    # 2. The noisy filter.
    v = rng.random((prompts, samples))
    keep = np.where(outcome == 0, v >= rho, v < gamma)
    rejected = samples - keep.sum(axis=1)
    streak = np.where(rejected > 0, streak + 1, 0)
    # 3. Hardest first.
    labels = hardest_first(rng, rejected, streak, budget)
    # 4. Labels: correct with probability beta, else a uniformly chosen wrong response.
    owner = np.repeat(rows, labels)
    w = rng.random(owner.size)
    label = np.where(w < beta, 0, 1 + np.minimum(((w - beta) / (1.0 - beta) * (responses - 1)).astype(np.int64), responses - 2))
    # 5. Refit: p <- (1 - alpha) p + alpha * empirical distribution of kept samples and labels.
    counts = np.bincount((rows[:, None] * responses + outcome)[keep], minlength=prompts * responses)
    counts = counts + np.bincount(owner * responses + label, minlength=prompts * responses)
    counts = counts.reshape(prompts, responses).astype(np.float64)
    total = counts.sum(axis=1)
    has_data = total > 0
    stay = np.where(has_data, 1.0 - alpha, 1.0)
    weight = np.where(has_data, alpha / np.maximum(total, 1.0), 0.0)
    p = stay[:, None] * p + weight[:, None] * counts
    # 6. Metrics.
    head = p[:, 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.where(p > 0, p * np.log(p), 0.0).sum(axis=1)
    metrics = {
        "accuracy": float(head.mean()),
        "solvedFraction": float((head >= 1.0 - epsilon).mean()),
        "unsolved": float((head == 0).mean()),
        "acceptedFraction": float(keep.mean()),
        "labels": float(labels.sum() / prompts),
        "entropy": float(entropy.mean()),
        "gini": float((1.0 - (p * p).sum(axis=1)).mean()),
    }
    return p, streak, metrics


def main(argv):
    prompts, responses, samples, rounds = (int(x) for x in argv[:4])
    gamma, rho, beta, alpha, budget, unsolvable, a, b, epsilon = (float(x) for x in argv[4:13])
    seed = int(argv[13])
    rng = np.random.default_rng(seed)
    p = initial_model(rng, prompts, responses, unsolvable, a, b)
    streak = np.zeros(prompts, dtype=np.int64)
    labels_per_round = round(budget * prompts)
    start = time.perf_counter()
    for _ in range(rounds):
        p, streak, metrics = one_round(rng, p, streak, samples, gamma, rho, beta, alpha, labels_per_round, epsilon)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "numpy": np.__version__, "metrics": metrics}))


if __name__ == "__main__":
    main(sys.argv[1:])
