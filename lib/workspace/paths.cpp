#include "workspace/paths.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace tandem::workspace {

WorkspacePaths::WorkspacePaths(std::filesystem::path root) : m_root(std::move(root)) {}

WorkspacePaths WorkspacePaths::resolve(const std::optional<std::string>& flag)
{
  if (flag && !flag->empty()) {
    return WorkspacePaths(*flag);
  }
  if (const char* from_environment = std::getenv("TANDEM_WORKSPACE");
      from_environment != nullptr && *from_environment != '\0') {
    return WorkspacePaths(from_environment);
  }
  return WorkspacePaths(".");
}

void WorkspacePaths::require_folder() const
{
  std::error_code error;
  if (std::filesystem::is_directory(m_root, error)) {
    return;
  }
  if (std::filesystem::exists(m_root, error)) {
    const auto folder = m_root.parent_path().empty() ? std::filesystem::path(".") : m_root.parent_path();
    throw Error(fmt::format("{}: this is a file; -C (or TANDEM_WORKSPACE) names the workspace folder, "
                            "such as {}",
                            m_root.string(), folder.string()));
  }
  throw Error(fmt::format("{}: no such workspace folder (`tandem init {}` creates one)", m_root.string(),
                          m_root.string()));
}

std::optional<std::string> WorkspacePaths::owned_name(const std::filesystem::path& path) const
{
  // Absolute first: weakly_canonical leaves a relative path relative when its
  // first part does not exist yet (".tandem/out" in a new workspace).
  std::error_code error;
  const auto target = std::filesystem::weakly_canonical(std::filesystem::absolute(path, error), error);
  const auto root = std::filesystem::weakly_canonical(std::filesystem::absolute(m_root, error), error);
  if (error) {
    return std::nullopt;
  }
  for (const auto name : {file_names::project, file_names::students, file_names::companies, file_names::events,
                          file_names::attendance, file_names::placements, file_names::outcomes,
                          file_names::feedback}) {
    if (target == root / std::string(name)) {
      return std::string(name);
    }
  }
  const auto state = root / std::string(file_names::state_folder);
  const auto [end_of_state, inside] = std::mismatch(state.begin(), state.end(), target.begin(), target.end());
  if (end_of_state == state.end()) {
    return std::string(file_names::state_folder) + "/";
  }
  return std::nullopt;
}

std::string WorkspacePaths::display(std::string_view name) const
{
  if (m_root.empty() || m_root == ".") {
    return std::string(name);
  }
  return (m_root / std::string(name)).lexically_normal().string();
}

} // namespace tandem::workspace
