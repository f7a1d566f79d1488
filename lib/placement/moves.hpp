#pragma once

#include "io/csv.hpp"
#include "model/values.hpp"
#include "workspace/load.hpp"

#include <optional>
#include <string>
#include <vector>

// `tandem placement`: moving rows of placements.csv through their statuses
// (proposed -> confirmed -> started -> completed, any -> cancelled), locking
// proposals for the next match, and the record of every change.
namespace tandem::placement {

enum class Move { confirm, start, complete, cancel, lock, unlock };

struct MoveRequest {
  Move move = Move::confirm;
  std::vector<std::string> ids;
  std::optional<model::Date> date; // start: the start date; complete: the end date
  std::string note;                // added to the row's note and to the history
  bool force = false;              // a move backwards or a skip, or a rule broken on confirm
};

// One line of .tandem/history.csv.
struct HistoryRecord {
  std::string id;
  std::string from; // status before (for lock/unlock: the lock state)
  std::string to;
  std::string note;
};

struct MovePlan {
  std::vector<std::string> lines;    // what changes (or would), naming people and companies
  std::vector<std::string> refusals; // moves refused, each with its reason: nothing is written
  std::vector<HistoryRecord> history;
  std::optional<std::string> contents; // the new placements.csv, when something changes and nothing was refused
};

// Plans the moves on `table` (placements.csv as read, unknown columns kept),
// checking them against the workspace. Throws tandem::Error for an id that
// placements.csv does not have.
MovePlan plan_moves(const workspace::Workspace& workspace, const io::CsvTable& table, const MoveRequest& request);

// .tandem/history.csv: when (UTC), who, id, from, to, note; appended durably.
void append_history(const std::filesystem::path& path, const std::vector<HistoryRecord>& records,
                    const std::string& who, const std::string& when);

// `placement list`: the placements with people's and companies' names.
struct ListRequest {
  std::optional<model::PlacementStatus> status;
  std::optional<std::string> term;
};
enum class ListFormat { table, csv, json };
std::string list_placements(const workspace::Workspace& workspace, const ListRequest& request, ListFormat format);

} // namespace tandem::placement
