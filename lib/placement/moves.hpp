#pragma once

#include "io/csv.hpp"
#include "io/workbook.hpp"
#include "model/values.hpp"
#include "workspace/load.hpp"
#include "workspace/writer.hpp"

#include <map>
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

// The new placements.csv, and the history of what changed in it.
struct MovePlan : workspace::PlannedChange {
  std::vector<HistoryRecord> history;
};

// Plans the moves on `table` (placements.csv as read, unknown columns kept),
// checking them against the workspace. Throws tandem::Error for an id that
// placements.csv does not have.
MovePlan plan_moves(const workspace::Workspace& workspace, const io::CsvTable& table, const MoveRequest& request);

// .tandem/history.csv: when (UTC), who, id, from, to, note; appended durably.
void append_history(const std::filesystem::path& path, const std::vector<HistoryRecord>& records,
                    const std::string& who, const std::string& when);
// Appends to the workspace's history, now, by $USER.
void record_history(const workspace::WorkspacePaths& paths, const std::vector<HistoryRecord>& records);

// The (UTC) day each placement became `proposed` last, from the history's text;
// a placement without such a record is not in the map. Throws tandem::Error
// when the history is damaged.
std::map<std::string, model::Date> proposal_days(std::string_view history_csv, const std::string& display_name);
// The same, read from the workspace's history (none yet: an empty map).
std::map<std::string, model::Date> proposal_days(const workspace::WorkspacePaths& paths);

// "Anna Weber + Aino Korhonen at Acme Oy, 2024-05-06 to 2024-08-09"
std::string describe(const workspace::Workspace& workspace, const model::Placement& placement);

// `placement list`: the placements with people's and companies' names.
struct ListRequest {
  std::optional<model::PlacementStatus> status;
  std::optional<std::string> term;
};
enum class ListFormat { table, csv, json, xlsx };
std::string list_placements(const workspace::Workspace& workspace, const ListRequest& request, ListFormat format);
io::Sheet placements_sheet(const workspace::Workspace& workspace, const ListRequest& request);

} // namespace tandem::placement
