#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tandem::workspace {

// The file names of the data contract.
namespace file_names {
inline constexpr std::string_view project = "tandem.yaml";
inline constexpr std::string_view students = "students.csv";
inline constexpr std::string_view companies = "companies.yaml";
inline constexpr std::string_view events = "events.yaml";
inline constexpr std::string_view attendance = "attendance.csv";
inline constexpr std::string_view placements = "placements.csv";
inline constexpr std::string_view outcomes = "outcomes.csv";
inline constexpr std::string_view feedback = "feedback.csv"; // an addition to the contract
inline constexpr std::string_view state_folder = ".tandem";
} // namespace file_names

// Where a workspace is and how its files are named in messages.
class WorkspacePaths {
public:
  explicit WorkspacePaths(std::filesystem::path root);

  // --workspace/-C, else $TANDEM_WORKSPACE, else the current folder.
  static WorkspacePaths resolve(const std::optional<std::string>& flag);

  const std::filesystem::path& root() const { return m_root; }
  // Throws tandem::Error when the folder does not exist: every command but
  // `init` works on an existing workspace.
  void require_folder() const;
  std::filesystem::path file(std::string_view name) const { return m_root / std::string(name); }
  // The path as the user would type it: `students.csv` in the current folder,
  // `DIR/students.csv` for -C DIR.
  std::string display(std::string_view name) const;
  std::filesystem::path state_folder() const { return file(file_names::state_folder); }
  // The workspace's own name for `path` when it is a file of the contract or lies
  // in the state folder (after symbolic links, as the operating system would
  // write it); std::nullopt for any other path, the workspace folder's own
  // report.html included.
  std::optional<std::string> owned_name(const std::filesystem::path& path) const;
  std::filesystem::path backup_folder() const { return state_folder() / "backup"; }

private:
  std::filesystem::path m_root;
};

} // namespace tandem::workspace
