#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "io/error.hpp"

namespace tandem::io {

enum class Severity { error, warning };

// One problem in an input file, reported as FILE:LINE[:COLUMN]: SEVERITY: message.
// line 0 means "the file as a whole"; column 0 means "no column".
struct Problem {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  Severity severity = Severity::error;
  std::string message;

  std::string to_string() const;
  friend bool operator==(const Problem&, const Problem&) = default;
};

// A problem that ends the reading of a file (a quote never closed): thrown by the
// reader, turned back into a Problem by whoever collects the file's problems.
class ProblemError : public Error {
public:
  explicit ProblemError(Problem problem)
    : Error(problem.to_string()), m_problem(std::move(problem)) {}
  const Problem& problem() const { return m_problem; }

private:
  Problem m_problem;
};

// Collects the problems of a run so that all are reported, sorted, each once.
class Diagnostics {
public:
  void error(std::string file, std::size_t line, std::string message, std::size_t column = 0);
  void warning(std::string file, std::size_t line, std::string message, std::size_t column = 0);
  void add(Problem problem);
  // Takes over every problem of `other` (collected elsewhere, e.g. by a worker thread).
  void append(Diagnostics&& other);

  bool has_errors() const;

  struct Counts {
    std::size_t errors = 0;
    std::size_t warnings = 0;
  };
  // Writes every problem, sorted, each once, one per line; returns the counts.
  Counts print(std::ostream& out) const;
  // The counts print would return, each problem once.
  Counts counts() const;

  // Sorted by file, line, column, then message, without repeats.
  std::vector<Problem> sorted() const;

private:
  static Counts counts_of(const std::vector<Problem>& problems);

  std::vector<Problem> m_problems;
};

} // namespace tandem::io
