#include "schedule/revisions.hpp"

#include "io/csv.hpp"
#include "io/error.hpp"
#include "model/values.hpp"
#include "schedule/state_table.hpp"

#include <fmt/format.h>

namespace tandem::schedule {

namespace {

const std::vector<std::string> k_header{"key", "fingerprint", "sequence"};

} // namespace

RevisionBook RevisionBook::parse(std::string_view csv_text, const std::string& display_name)
{
  RevisionBook book;
  for (auto& record : read_state_table(csv_text, display_name, k_header)) {
    const auto& row = record.fields;
    const auto sequence = model::parse_int(row[2], 0, 1'000'000'000);
    if (!sequence) {
      throw Error(fmt::format("{}:{}: expected a sequence number, got \"{}\"", display_name, record.line, row[2]));
    }
    book.m_revisions[row[0]] = Revision{row[1], *sequence};
  }
  return book;
}

int RevisionBook::sequence(const std::string& key, const std::string& fingerprint)
{
  auto [entry, is_new] = m_revisions.try_emplace(key, Revision{fingerprint, 0});
  if (is_new) {
    m_changed = true;
  } else if (entry->second.fingerprint != fingerprint) {
    entry->second.fingerprint = fingerprint;
    ++entry->second.sequence;
    m_changed = true;
  }
  return entry->second.sequence;
}

std::string RevisionBook::to_csv() const
{
  std::string text = io::format_csv_record(k_header);
  for (const auto& [key, revision] : m_revisions) {
    text += io::format_csv_record({key, revision.fingerprint, std::to_string(revision.sequence)});
  }
  return text;
}

} // namespace tandem::schedule
