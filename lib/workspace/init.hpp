#pragma once

#include <filesystem>
#include <optional>

namespace tandem::workspace {

// Creates a workspace in `folder` (which must not exist or be empty): the
// contract's files with headers only, or, with `example`, a copy of the shipped
// example workspace. Throws tandem::Error when it cannot.
void init_workspace(const std::filesystem::path& folder, bool example);

// The shipped example workspace: installed beside the binary
// (BIN/../share/tandem/example) or, in a build tree, the source's data-examples/.
std::optional<std::filesystem::path> find_example_workspace();

} // namespace tandem::workspace
