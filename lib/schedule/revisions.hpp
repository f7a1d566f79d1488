#pragma once

#include <map>
#include <string>
#include <string_view>

// What an exported calendar said about each item, so that a re-export tells the
// calendar program which items changed: RFC 5545 SEQUENCE goes up by one each
// time an item's content changes. Kept in .tandem/calendar-revisions.csv.
namespace tandem::schedule {

class RevisionBook {
public:
  // Throws tandem::Error when `csv_text` is damaged (see read_state_table).
  static RevisionBook parse(std::string_view csv_text, const std::string& display_name);

  // The SEQUENCE of an item whose content has this fingerprint: 0 when new,
  // the last one when unchanged, one more when changed.
  int sequence(const std::string& key, const std::string& fingerprint);
  // Whether sequence() added or changed anything since parse().
  bool changed() const { return m_changed; }
  std::string to_csv() const;

private:
  struct Revision {
    std::string fingerprint;
    int sequence = 0;
  };
  std::map<std::string, Revision> m_revisions; // items no longer exported stay: they may return
  bool m_changed = false;
};

} // namespace tandem::schedule
