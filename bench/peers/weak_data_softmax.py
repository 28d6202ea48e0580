"""One round of the weak-data softmax model (filter + hardest labels, sampling mode) as a numpy
user would write it: vectorised over prompts, the matrix products in BLAS (run it with one BLAS
thread for a one-core figure). Prints JSON with the wall time per round (the world and the
starting weights excluded) and the final held-out metrics, for bench/weak-data-softmax.ts.

usage: python3 weak_data_softmax.py PROMPTS TEST_PROMPTS RESPONSES FEATURES SAMPLES ROUNDS STEPS
       LEARNING_RATE RIDGE BETA BUDGET INITIAL_SCALE INITIAL_ALIGNMENT SEED
"""
import json
import sys
import time

import numpy as np

from weak_data import hardest_first, sample_outcomes


def softmax_rows(x, w):
    z = x @ w.T
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z


def one_round(rng, x, correct, w, streak, samples, steps, learning_rate, ridge, beta, budget):
    prompts, responses = x.shape[0], w.shape[0]
    rows = np.arange(prompts)
    # 1. k samples per prompt from p_W; the oracle filter.
    outcome = sample_outcomes(rng, np.cumsum(softmax_rows(x, w), axis=1), samples)
    keep = outcome == correct[:, None]
    rejected = samples - keep.sum(axis=1)
    streak = np.where(rejected > 0, streak + 1, 0)
    # 2. Hardest first.
    labels = hardest_first(rng, rejected, streak, budget)
    # 3. Labels: correct with probability beta, else a uniformly chosen wrong response.
    owner = np.repeat(rows, labels)
    right = rng.random(owner.size) < beta
    wrong = rng.integers(0, responses - 1, owner.size)
    label = np.where(right, correct[owner], wrong + (wrong >= correct[owner]))
    # 4. The curated pairs as counts per prompt and response: n_x and the targets C = counts^T X.
    counts = np.bincount((rows[:, None] * responses + outcome)[keep], minlength=prompts * responses)
    counts = (counts + np.bincount(owner * responses + label, minlength=prompts * responses)).reshape(prompts, responses)
    n = counts.sum(axis=1).astype(np.float64)
    total = n.sum()
    targets = counts.T.astype(np.float64) @ x
    # 5. Full-batch gradient steps on the mean cross-entropy + (ridge / 2) |W|^2.
    if total > 0:
        for _ in range(steps):
            gradient = ((n[:, None] * softmax_rows(x, w)).T @ x - targets) / total + ridge * w
            w = w - learning_rate * gradient
    return w, streak


def main(argv):
    prompts, test_prompts, responses, features, samples, rounds, steps = (int(a) for a in argv[:7])
    learning_rate, ridge, beta, budget, scale, alignment = (float(a) for a in argv[7:13])
    rng = np.random.default_rng(int(argv[13]))
    teacher = rng.standard_normal((responses, features))
    w = scale * (alignment * teacher + np.sqrt(1 - alignment**2) * rng.standard_normal((responses, features))) / np.sqrt(features)
    x = rng.standard_normal((prompts, features))
    x_test = rng.standard_normal((test_prompts, features))
    correct = (x @ teacher.T).argmax(axis=1)
    correct_test = (x_test @ teacher.T).argmax(axis=1)
    streak = np.zeros(prompts, dtype=np.int64)
    labels_per_round = round(budget * prompts)
    start = time.perf_counter()
    for _ in range(rounds):
        w, streak = one_round(rng, x, correct, w, streak, samples, steps, learning_rate, ridge, beta, labels_per_round)
        # 6. The held-out prompts' metrics, as every round reports them.
        p_test = softmax_rows(x_test, w)
        metrics = {
            "testAccuracy": float(p_test[np.arange(test_prompts), correct_test].mean()),
            "testTop1": float((p_test.argmax(axis=1) == correct_test).mean()),
        }
    seconds = (time.perf_counter() - start) / rounds
    print(json.dumps({"seconds": seconds, "numpy": np.__version__, "metrics": metrics}))


if __name__ == "__main__":
    main(sys.argv[1:])
