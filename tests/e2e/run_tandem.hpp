#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tandem::test {

struct RunResult {
  int exit_code = -1;      // -1 when killed by a signal
  int signal = 0;          // the signal that ended the process, if any
  std::string out;         // standard output
  std::string err;         // standard error
};

struct RunOptions {
  std::filesystem::path cwd;                                   // empty: the test's own
  std::vector<std::pair<std::string, std::string>> environment; // added to the test's own
};

// Runs the real tandem binary with `arguments`, capturing both streams.
RunResult run_tandem(const std::vector<std::string>& arguments, const RunOptions& options = {});
// The same, killed with SIGKILL if still running after `kill_after`.
RunResult run_tandem_killed_after(const std::vector<std::string>& arguments, const RunOptions& options,
                                  std::chrono::milliseconds kill_after);
// The same for another program (a checker script's interpreter), by its path.
RunResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                      const RunOptions& options = {});

// A fresh temporary folder, removed with the object.
class TemporaryFolder {
public:
  TemporaryFolder();
  ~TemporaryFolder();
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

// A copy of a fixture workspace (tests/fixtures/NAME) or of data-examples/ in `into`.
std::filesystem::path copy_fixture(const std::string& name, const std::filesystem::path& into);
std::filesystem::path copy_examples(const std::filesystem::path& into);

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);
std::vector<std::string> lines_of(const std::string& text);
// The lines of `text` that contain `part`.
std::vector<std::string> rows_with(const std::string& text, const std::string& part);

} // namespace tandem::test
