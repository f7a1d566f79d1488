#include "run_tandem.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tandem::test {

namespace {

RunResult run_until(const std::string& program, const std::vector<std::string>& arguments,
                    const RunOptions& options, std::optional<std::chrono::milliseconds> kill_after)
{
  std::array<int, 2> out_pipe{};
  std::array<int, 2> err_pipe{};
  if (::pipe(out_pipe.data()) != 0 || ::pipe(err_pipe.data()) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t child = ::fork();
  if (child < 0) {
    throw std::runtime_error("fork failed");
  }
  if (child == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, STDIN_FILENO);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], devnull}) {
      ::close(fd);
    }
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) {
      ::_exit(127);
    }
    ::unsetenv("TANDEM_WORKSPACE");
    ::setenv("TANDEM_LOCK_WAIT_SECONDS", "2", 1);
    for (const auto& [name, value] : options.environment) {
      ::setenv(name.c_str(), value.c_str(), 1);
    }
    std::vector<char*> argv;
    std::string binary = program;
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (auto& argument : copies) {
      argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult result;
  std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
  int open_streams = 2;
  std::array<char, 65536> buffer{};
  const auto started = std::chrono::steady_clock::now();
  bool killed = false;
  while (open_streams > 0) {
    int wait_ms = -1;
    if (kill_after && !killed) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *kill_after - (std::chrono::steady_clock::now() - started));
      if (left.count() <= 0) {
        ::kill(child, SIGKILL);
        killed = true;
      } else {
        wait_ms = static_cast<int>(left.count());
      }
    }
    const int ready = ::poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0) {
        continue;
      }
      const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_streams;
      } else {
        (i == 0 ? result.out : result.err).append(buffer.data(), static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

} // namespace

RunResult run_tandem(const std::vector<std::string>& arguments, const RunOptions& options)
{
  return run_until(TANDEM_BINARY, arguments, options, std::nullopt);
}

RunResult run_tandem_killed_after(const std::vector<std::string>& arguments, const RunOptions& options,
                                  std::chrono::milliseconds kill_after)
{
  return run_until(TANDEM_BINARY, arguments, options, kill_after);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                      const RunOptions& options)
{
  return run_until(program, arguments, options, std::nullopt);
}

TemporaryFolder::TemporaryFolder()
{
  std::string pattern = (fs::temp_directory_path() / "tandem-e2e-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TemporaryFolder::~TemporaryFolder()
{
  std::error_code ignored;
  fs::remove_all(m_path, ignored);
}

fs::path copy_fixture(const std::string& name, const fs::path& into)
{
  const fs::path target = into / name;
  fs::copy(fs::path(TANDEM_FIXTURES) / name, target, fs::copy_options::recursive);
  return target;
}

fs::path copy_examples(const fs::path& into)
{
  const fs::path target = into / "examples";
  fs::copy(TANDEM_EXAMPLES, target, fs::copy_options::recursive);
  return target;
}

std::string read_text(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text)
{
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> rows_with(const std::string& text, const std::string& part)
{
  std::vector<std::string> found;
  for (const auto& line : lines_of(text)) {
    if (line.find(part) != std::string::npos) {
      found.push_back(line);
    }
  }
  return found;
}

} // namespace tandem::test
