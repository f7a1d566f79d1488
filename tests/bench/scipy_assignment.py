#!/usr/bin/python3
"""Times SciPy's linear_sum_assignment on an OR-Library instance, the
reference for bench_assignment (same file, same maximised scores K - cost;
forbidden pairs of a sparse file get a score so low no optimum uses them).

usage: /usr/bin/python3 scipy_assignment.py FILE dense|sparse [RUNS]
"""
import statistics
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    path, form = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    numbers = open(path).read().split()
    n = int(numbers[0])
    values = np.array(numbers[1:], dtype=np.float64)
    k = 1e6 if form == "sparse" else 1000.0
    if form == "sparse":
        triples = values.reshape(-1, 3)
        scores = np.full((n, n), -1e12)
        scores[triples[:, 0].astype(int) - 1, triples[:, 1].astype(int) - 1] = k - triples[:, 2]
    else:
        scores = k - values.reshape(n, n)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows, cols = linear_sum_assignment(scores, maximize=True)
        times.append(time.perf_counter() - start)
    cost = float(np.sum(k - scores[rows, cols]))
    print(f"scipy:  n={n} cost={cost:.0f} median {statistics.median(times):.4f} s (min {min(times):.4f}, {runs} runs)")


main()
