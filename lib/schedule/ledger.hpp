#pragma once

#include "model/values.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

// The record of reminders: one line per reminder and recipient, appended and
// flushed to disk right after the message was handed over (or found too old and
// recorded as missed). A reminder in the ledger is never sent again.
namespace tandem::schedule {

enum class LedgerStatus { sent, missed };

struct LedgerRecord {
  std::string key;
  std::string recipient;
  LedgerStatus status = LedgerStatus::sent;
  model::Date date; // the run's day
  std::string message_id;
};

class Ledger {
public:
  // Reads the ledger at `path` (none yet: empty). A last line cut short by a
  // crash is dropped (its message, if any, was sent with a Message-ID that lets
  // the mail system recognise a repeat). With `writable` false (dry run),
  // records are kept in memory only. Throws tandem::Error for a damaged file.
  Ledger(std::filesystem::path path, std::string display_name, bool writable);

  bool contains(const std::string& key, const std::string& recipient) const;
  // Appends and flushes the record; throws tandem::Error when the disk refuses.
  void record(LedgerRecord record);
  // Every record, oldest first (the ones of this run last).
  const std::vector<LedgerRecord>& records() const { return m_records; }

private:
  std::filesystem::path m_path;
  std::string m_display_name;
  bool m_writable;
  std::vector<LedgerRecord> m_records;
  std::set<std::pair<std::string, std::string>> m_index; // key, lower-case recipient
};

} // namespace tandem::schedule
