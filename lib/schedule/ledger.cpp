#include "schedule/ledger.hpp"

#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/error.hpp"
#include "io/text.hpp"
#include "schedule/state_table.hpp"

#include <fmt/format.h>


namespace tandem::schedule {

namespace {

const std::vector<std::string> k_header{"key", "recipient", "status", "date", "message_id"};

std::string index_key(const std::string& key, const std::string& recipient)
{
  return key + '\n' + io::to_lower_ascii(recipient);
}

std::string_view status_name(LedgerStatus status) { return status == LedgerStatus::sent ? "sent" : "missed"; }

} // namespace

Ledger::Ledger(std::filesystem::path path, std::string display_name, bool writable)
  : m_path(std::move(path)), m_display_name(std::move(display_name)), m_writable(writable)
{
  std::string text = io::read_file_if_exists(m_path).value_or("");
  if (!text.empty() && text.back() != '\n') {
    text.erase(text.rfind('\n') + 1); // the torn last line of a run that died while appending
    if (m_writable) {
      io::write_file_atomically(m_path, text);
    }
  }
  m_needs_header = text.empty();
  for (const auto& row : read_state_table(text, m_display_name, k_header)) {
    const auto& fields = row.fields;
    const auto date = model::parse_date(fields[3]);
    if ((fields[2] != "sent" && fields[2] != "missed") || !date) {
      throw Error(fmt::format("{}:{}: expected the status sent or missed and a date; the file is tandem's "
                              "own state, restore it from a backup or move it away",
                              m_display_name, row.line));
    }
    m_sent.insert(index_key(fields[0], fields[1]));
    m_keys.insert(fields[0]);
    m_records.push_back({fields[0], fields[1], fields[2] == "sent" ? LedgerStatus::sent : LedgerStatus::missed,
                         *date, fields[4]});
  }
}

bool Ledger::contains(const std::string& key, const std::string& recipient) const
{
  return m_sent.count(index_key(key, recipient)) != 0;
}

void Ledger::record(LedgerRecord record)
{
  if (m_writable) {
    std::string line;
    if (m_needs_header) {
      line = io::format_csv_record(k_header);
    }
    line += io::format_csv_record({record.key, record.recipient, std::string(status_name(record.status)),
                                   model::format_date(record.date), record.message_id});
    io::append_durably(m_path, line);
    m_needs_header = false;
  }
  m_sent.insert(index_key(record.key, record.recipient));
  m_keys.insert(record.key);
  m_records.push_back(std::move(record));
}

} // namespace tandem::schedule
