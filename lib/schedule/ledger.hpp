#pragma once

#include "model/values.hpp"

#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

// The record of reminders: one line per reminder and recipient, appended and
// flushed to disk right after the message was handed over (or found too old and
// recorded as missed). A reminder sent or missed is never sent again. The first
// failed attempt to send to a recipient is recorded too (and retried), so that
// a recipient it never reaches is known when its catch-up window closes.
namespace tandem::schedule {

enum class LedgerStatus { sent, missed, failed };

struct LedgerRecord {
  std::string key;
  std::string recipient; // k_all_recipients for a reminder missed as a whole
  LedgerStatus status = LedgerStatus::sent;
  model::Date date; // the run's day
  std::string message_id;
};

// The recipient of a `missed` record for a reminder that reached nobody in time:
// it is recorded once, for everyone it would have gone to. One that reached some
// recipients is recorded as missed for each of the others by address.
inline constexpr std::string_view k_all_recipients = "*";

class Ledger {
public:
  // Reads the ledger at `path` (none yet: empty). A last line cut short by a
  // crash is dropped (its message, if any, was sent with a Message-ID that lets
  // the mail system recognise a repeat). With `writable` false (dry run),
  // records are kept in memory only. Throws tandem::Error for a damaged file.
  Ledger(std::filesystem::path path, std::string display_name, bool writable);

  // Whether the reminder was sent to the recipient, or recorded as missed for them.
  bool contains(const std::string& key, const std::string& recipient) const;
  // Whether the reminder was sent to someone, or recorded as missed.
  bool has_key(const std::string& key) const { return m_keys.count(key) != 0; }
  // The recipients a send to failed and that the reminder has not reached since.
  std::vector<std::string> unreached(const std::string& key) const;
  // Appends and flushes the record (a failure only the first time for its key and
  // recipient); throws tandem::Error when the disk refuses.
  void record(LedgerRecord record);
  // Every record, oldest first (the ones of this run last).
  const std::vector<LedgerRecord>& records() const { return m_records; }

private:
  void remember(LedgerRecord record); // indexes the record and keeps it

  std::filesystem::path m_path;
  std::string m_display_name;
  bool m_writable;
  bool m_needs_header = true; // the file is empty or missing
  std::vector<LedgerRecord> m_records;
  std::unordered_set<std::string> m_sent;  // key, '\n', lower-case recipient
  std::unordered_set<std::string> m_keys;
  std::unordered_set<std::string> m_failed; // key, '\n', lower-case recipient
  std::unordered_map<std::string, std::vector<std::string>> m_failed_recipients; // key -> addresses
};

} // namespace tandem::schedule
