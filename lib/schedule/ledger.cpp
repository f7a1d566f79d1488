#include "schedule/ledger.hpp"

#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/error.hpp"
#include "io/text.hpp"
#include "schedule/state_table.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

namespace tandem::schedule {

namespace {

const std::vector<std::string> k_header{"key", "recipient", "status", "date", "message_id"};

std::string index_key(const std::string& key, const std::string& recipient)
{
  return key + '\n' + io::to_lower_ascii(recipient);
}

constexpr std::array<std::string_view, 3> k_status_names{"sent", "missed", "failed"};

std::string_view status_name(LedgerStatus status) { return k_status_names[static_cast<std::size_t>(status)]; }

std::optional<LedgerStatus> status_named(std::string_view name)
{
  for (std::size_t i = 0; i < k_status_names.size(); ++i) {
    if (k_status_names[i] == name) {
      return static_cast<LedgerStatus>(i);
    }
  }
  return std::nullopt;
}

} // namespace

Ledger::Ledger(std::filesystem::path path, std::string display_name, bool writable)
  : m_path(std::move(path)), m_display_name(std::move(display_name)), m_writable(writable)
{
  std::string text = io::read_file_if_exists(m_path, m_display_name).value_or("");
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
    const auto status = status_named(fields[2]);
    if (!status || !date) {
      throw Error(fmt::format("{}:{}: expected the status sent, missed or failed and a date (YYYY-MM-DD); this "
                              "is tandem's record of the reminders sent: correct or delete the line (a "
                              "reminder whose line is deleted may be sent again), or move the file away "
                              "(every reminder of the last catch_up_days days may then be sent again)",
                              m_display_name, row.line));
    }
    remember({fields[0], fields[1], *status, *date, fields[4]});
  }
}

void Ledger::remember(LedgerRecord record)
{
  const std::string index = index_key(record.key, record.recipient);
  if (record.status == LedgerStatus::failed) {
    if (m_failed.insert(index).second) {
      m_failed_recipients[record.key].push_back(record.recipient);
    }
  } else {
    m_sent.insert(index);
    m_keys.insert(record.key);
  }
  m_records.push_back(std::move(record));
}

std::vector<std::string> Ledger::unreached(const std::string& key) const
{
  std::vector<std::string> recipients;
  if (const auto found = m_failed_recipients.find(key); found != m_failed_recipients.end()) {
    for (const auto& recipient : found->second) {
      if (!contains(key, recipient)) {
        recipients.push_back(recipient);
      }
    }
  }
  return recipients;
}

bool Ledger::contains(const std::string& key, const std::string& recipient) const
{
  return m_sent.count(index_key(key, recipient)) != 0;
}

void Ledger::record(LedgerRecord record)
{
  if (record.status == LedgerStatus::failed && m_failed.count(index_key(record.key, record.recipient)) != 0) {
    return; // the first failure is enough to know whom to look for
  }
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
  remember(std::move(record));
}

} // namespace tandem::schedule
