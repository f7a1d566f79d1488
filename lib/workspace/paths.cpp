#include "workspace/paths.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

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
  if (!std::filesystem::is_directory(m_root, error)) {
    throw Error(fmt::format("{}: no such workspace folder (`tandem init {}` creates one)",
                            m_root.string(), m_root.string()));
  }
}

std::string WorkspacePaths::display(std::string_view name) const
{
  if (m_root.empty() || m_root == ".") {
    return std::string(name);
  }
  return (m_root / std::string(name)).lexically_normal().string();
}

} // namespace tandem::workspace
