#!/usr/bin/python3
"""Times SciPy on an OR-Library instance, the reference for bench_assignment
(same file, same optimum): a dense file with linear_sum_assignment (LAPJV),
a sparse one with scipy.sparse.csgraph.min_weight_full_bipartite_matching
(LAPJVsp: the peer for a sparse problem) over the listed pairs only, and with
`sparse-as-dense` with linear_sum_assignment on a full matrix whose missing
pairs cost so much no optimum uses them (the comparison this bench used to make).

usage: /usr/bin/python3 scipy_assignment.py FILE dense|sparse|sparse-as-dense [RUNS]
"""
import statistics
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def main():
    path, form = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    numbers = open(path).read().split()
    n = int(numbers[0])
    values = np.array(numbers[1:], dtype=np.float64)
    k = 1e6 if form != "dense" else 1000.0
    if form == "sparse":
        triples = values.reshape(-1, 3)
        rows = triples[:, 0].astype(int) - 1
        cols = triples[:, 1].astype(int) - 1
        graph = csr_matrix((triples[:, 2], (rows, cols)), shape=(n, n))
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
            times.append(time.perf_counter() - start)
        cost = float(graph[matched_rows, matched_cols].sum())
        print(f"scipy:  n={n} cost={cost:.0f} median {statistics.median(times):.4f} s "
              f"(min {min(times):.4f}, {runs} runs, min_weight_full_bipartite_matching)")
        return
    if form == "sparse-as-dense":
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
