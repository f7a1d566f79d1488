#include "io/atomic_file.hpp"

#include "io/diagnostics.hpp"
#include "io/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tandem::io {

namespace {

std::string system_error_text()
{
  return std::strerror(errno);
}

// Closes a descriptor on every path out of a function.
class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }
  int release()
  {
    const int fd = m_fd;
    m_fd = -1;
    return fd;
  }

private:
  int m_fd;
};

void write_all(int fd, std::string_view contents, const std::filesystem::path& path)
{
  if (!write_to_descriptor(fd, contents)) {
    throw Error(fmt::format("{}: cannot write: {}", path.string(), system_error_text()));
  }
}

void sync_folder(const std::filesystem::path& folder)
{
  FileDescriptor fd(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY));
  if (fd.get() >= 0) {
    ::fsync(fd.get()); // best effort: some file systems refuse fsync on a folder
  }
}

// Test hook for the "killed mid-write" test: the process dies after the new
// contents are on disk in the temporary file and before the rename.
void maybe_crash_before_rename()
{
  if (std::getenv("TANDEM_TEST_CRASH_BEFORE_RENAME") != nullptr) {
    std::raise(SIGKILL);
  }
}

} // namespace

bool write_to_descriptor(int fd, std::string_view contents)
{
  while (!contents.empty()) {
    const ssize_t written = ::write(fd, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

void append_durably(const std::filesystem::path& path, std::string_view contents)
{
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    throw Error(fmt::format("{}: cannot open for appending: {}", path.string(), system_error_text()));
  }
  write_all(fd.get(), contents, path);
  if (::fsync(fd.get()) != 0) {
    throw Error(fmt::format("{}: cannot flush to disk: {}", path.string(), system_error_text()));
  }
  if (::close(fd.release()) != 0) {
    throw Error(fmt::format("{}: cannot close: {}", path.string(), system_error_text()));
  }
}

void write_file_atomically(const std::filesystem::path& link_or_file, std::string_view contents)
{
  // Through a symbolic link, the file it names is replaced (as a shell's `>`
  // writes), not the link: a workspace file kept elsewhere stays linked.
  std::error_code error;
  const auto resolved = std::filesystem::is_symlink(link_or_file, error)
                          ? std::filesystem::weakly_canonical(link_or_file, error)
                          : link_or_file;
  const auto& path = error ? link_or_file : resolved;
  const auto folder = path.parent_path();
  const auto temporary = folder
                         / fmt::format(".{}{}{}", path.filename().string(),
                                       temporary_file_marker, ::getpid());
  struct stat old_status {};
  const bool replacing = ::stat(path.c_str(), &old_status) == 0;

  FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    throw Error(fmt::format("{}: cannot create a temporary file in its folder: {}",
                            path.string(), system_error_text()));
  }
  try {
    if (replacing) {
      ::fchmod(fd.get(), old_status.st_mode & 07777);
    }
    write_all(fd.get(), contents, path);
    if (::fsync(fd.get()) != 0) {
      throw Error(fmt::format("{}: cannot flush to disk: {}", path.string(), system_error_text()));
    }
    if (::close(fd.release()) != 0) {
      throw Error(fmt::format("{}: cannot close: {}", path.string(), system_error_text()));
    }
    maybe_crash_before_rename();
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      throw Error(fmt::format("{}: cannot replace the file: {}", path.string(),
                              system_error_text()));
    }
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  sync_folder(folder);
}

std::optional<std::string> read_file_if_exists(const std::filesystem::path& path,
                                               const std::string& display_name)
{
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    return std::nullopt;
  }
  return read_file(path, display_name);
}

void refuse_folder(const std::filesystem::path& path, const std::string& display_name)
{
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw ProblemError({display_name, 0, 0, Severity::error, "this is a folder; expected a file"});
  }
}

std::string read_file(const std::filesystem::path& path, const std::string& display_name)
{
  refuse_folder(path, display_name);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("{}: cannot open the file: {}", display_name, system_error_text()));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    throw Error(fmt::format("{}: cannot read the file", display_name));
  }
  return std::move(buffer).str();
}

} // namespace tandem::io
