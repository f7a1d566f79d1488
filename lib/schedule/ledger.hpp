#pragma once

#include "model/values.hpp"

#include <filesystem>
#include <string_view>
#include <unordered_set>
#include <string>
#include <vector>

// The record of reminders: one line per reminder and recipient, appended and
// flushed to disk right after the message was handed over (or found too old and
// recorded as missed). A reminder in the ledger is never sent again.
namespace tandem::schedule {

enum class LedgerStatus { sent, missed };

struct LedgerRecord {
  std::string key;
  std::string recipient; // k_all_recipients for a reminder missed as a whole
  LedgerStatus status = LedgerStatus::sent;
  model::Date date; // the run's day
  std::string message_id;
};

// The recipient of a `missed` record: a reminder too late to send is recorded
// once, for everyone it would have gone to.
inline constexpr std::string_view k_all_recipients = "*";

class Ledger {
public:
  // Reads the ledger at `path` (none yet: empty). A last line cut short by a
  // crash is dropped (its message, if any, was sent with a Message-ID that lets
  // the mail system recognise a repeat). With `writable` false (dry run),
  // records are kept in memory only. Throws tandem::Error for a damaged file.
  Ledger(std::filesystem::path path, std::string display_name, bool writable);

  bool contains(const std::string& key, const std::string& recipient) const;
  // Whether any record has this key (sent to someone, or missed).
  bool has_key(const std::string& key) const { return m_keys.count(key) != 0; }
  // Appends and flushes the record; throws tandem::Error when the disk refuses.
  void record(LedgerRecord record);
  // Every record, oldest first (the ones of this run last).
  const std::vector<LedgerRecord>& records() const { return m_records; }

private:
  std::filesystem::path m_path;
  std::string m_display_name;
  bool m_writable;
  bool m_needs_header = true; // the file is empty or missing
  std::vector<LedgerRecord> m_records;
  std::unordered_set<std::string> m_sent;  // key, '\n', lower-case recipient
  std::unordered_set<std::string> m_keys;
};

} // namespace tandem::schedule
