// Times tandem's assignment solver on an OR-Library instance, as the
// solo-only part of `tandem match` sees it: score = K - cost, maximised.
// Compare with tests/bench/scipy_assignment.py on the same file.
// usage: bench_assignment FILE dense|sparse [RUNS]
#include "match/assignment.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::cerr << "usage: bench_assignment FILE dense|sparse [RUNS]\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  const bool sparse = std::string(argv[2]) == "sparse";
  const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
  const double k = sparse ? 1e6 : 1000;
  int n = 0;
  in >> n;
  std::vector<tandem::match::AssignmentEdge> edges;
  if (sparse) {
    int i = 0;
    int j = 0;
    double cost = 0;
    while (in >> i >> j >> cost) {
      edges.push_back({i - 1, j - 1, k - cost});
    }
  } else {
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        double cost = 0;
        in >> cost;
        edges.push_back({i, j, k - cost});
      }
    }
  }
  const std::vector<int> capacity(static_cast<std::size_t>(n), 1);
  std::vector<double> times;
  double total_cost = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const auto edge_of_row = tandem::match::maximise_assignment(n, capacity, edges);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    total_cost = 0;
    for (const int edge : edge_of_row) {
      total_cost += k - edges[static_cast<std::size_t>(edge)].weight;
    }
  }
  std::sort(times.begin(), times.end());
  std::printf("tandem: n=%d edges=%zu cost=%.0f median %.4f s (min %.4f, %d runs)\n", n, edges.size(), total_cost,
              times[times.size() / 2], times.front(), runs);
  return 0;
}
