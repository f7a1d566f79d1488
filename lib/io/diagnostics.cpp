#include "io/diagnostics.hpp"

#include "io/text.hpp"

#include <algorithm>
#include <iterator>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

namespace tandem::io {

std::string Problem::to_string() const
{
  std::string location = one_line(file);
  if (line > 0) {
    location += fmt::format(":{}", line);
    if (column > 0) {
      location += fmt::format(":{}", column);
    }
  }
  return fmt::format(
    "{}: {}: {}", location, severity == Severity::error ? "error" : "warning", one_line(message));
}

void Diagnostics::error(std::string file, std::size_t line, std::string message,
                        std::size_t column)
{
  add({std::move(file), line, column, Severity::error, std::move(message)});
}

void Diagnostics::warning(std::string file, std::size_t line, std::string message,
                          std::size_t column)
{
  add({std::move(file), line, column, Severity::warning, std::move(message)});
}

void Diagnostics::add(Problem problem)
{
  m_problems.push_back(std::move(problem));
}

void Diagnostics::append(Diagnostics&& other)
{
  if (m_problems.empty()) {
    m_problems = std::move(other.m_problems);
  } else {
    m_problems.insert(m_problems.end(), std::make_move_iterator(other.m_problems.begin()),
                      std::make_move_iterator(other.m_problems.end()));
  }
  other.m_problems.clear();
}

bool Diagnostics::has_errors() const
{
  return std::any_of(m_problems.begin(), m_problems.end(),
                     [](const Problem& p) { return p.severity == Severity::error; });
}

Diagnostics::Counts Diagnostics::print(std::ostream& out) const
{
  const auto problems = sorted();
  for (const auto& problem : problems) {
    out << problem.to_string() << '\n';
  }
  return counts_of(problems);
}

Diagnostics::Counts Diagnostics::counts() const
{
  return counts_of(sorted());
}

Diagnostics::Counts Diagnostics::counts_of(const std::vector<Problem>& problems)
{
  Counts counts;
  for (const auto& problem : problems) {
    ++(problem.severity == Severity::error ? counts.errors : counts.warnings);
  }
  return counts;
}

std::vector<Problem> Diagnostics::sorted() const
{
  std::vector<Problem> result = m_problems;
  const auto key = [](const Problem& p) {
    return std::tie(p.file, p.line, p.column, p.severity, p.message);
  };
  std::sort(result.begin(), result.end(),
            [&](const Problem& a, const Problem& b) { return key(a) < key(b); });
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

} // namespace tandem::io
