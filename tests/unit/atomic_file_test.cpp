#include "io/atomic_file.hpp"
#include "io/backup.hpp"
#include "io/error.hpp"
#include "io/workspace_lock.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tandem;

namespace {

// A fresh folder per test, removed afterwards.
struct TemporaryFolder {
  fs::path path;
  TemporaryFolder()
  {
    std::string pattern = (fs::temp_directory_path() / "tandem-unit-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TemporaryFolder() { fs::remove_all(path); }
};

std::string contents(const fs::path& path)
{
  return io::read_file(path, path.string());
}

} // namespace

TEST_CASE("an atomic write creates or replaces a file and leaves no temporary file")
{
  TemporaryFolder folder;
  const auto file = folder.path / "students.csv";
  io::write_file_atomically(file, "one\n");
  CHECK(contents(file) == "one\n");
  ::chmod(file.c_str(), 0600);
  io::write_file_atomically(file, "two\n");
  CHECK(contents(file) == "two\n");
  struct stat status {};
  ::stat(file.c_str(), &status);
  CHECK((status.st_mode & 0777) == 0600); // permissions survive the replacement
  CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}

TEST_CASE("an atomic write through a symbolic link replaces the file it names, and the link stays")
{
  TemporaryFolder folder;
  fs::create_directories(folder.path / "shared");
  io::write_file_atomically(folder.path / "shared" / "students.csv", "old");
  fs::create_symlink(fs::path("shared") / "students.csv", folder.path / "students.csv"); // relative, as ln -s makes
  io::write_file_atomically(folder.path / "students.csv", "new");
  CHECK(fs::is_symlink(folder.path / "students.csv"));
  CHECK(contents(folder.path / "shared" / "students.csv") == "new");
  CHECK(contents(folder.path / "students.csv") == "new");
}

TEST_CASE("a write into a missing folder fails with the path and changes nothing")
{
  TemporaryFolder folder;
  CHECK_THROWS_WITH(io::write_file_atomically(folder.path / "no" / "x.csv", "x"),
                    Catch::Contains("no/x.csv") && Catch::Contains("cannot create"));
}

TEST_CASE("read_file_if_exists tells a missing file from an empty one, and a folder from both")
{
  TemporaryFolder folder;
  CHECK_FALSE(io::read_file_if_exists(folder.path / "none", "none"));
  io::write_file_atomically(folder.path / "empty", "");
  CHECK(io::read_file_if_exists(folder.path / "empty", "empty") == std::string());
  std::filesystem::create_directory(folder.path / "students.csv");
  CHECK_THROWS_WITH(io::read_file_if_exists(folder.path / "students.csv", "students.csv"),
                    "students.csv: error: this is a folder; expected a file");
}

TEST_CASE("backups keep the newest ten copies of each file")
{
  TemporaryFolder folder;
  const auto file = folder.path / "students.csv";
  io::BackupStore backups(folder.path / "backup", 10);
  fs::path last;
  for (int i = 1; i <= 12; ++i) {
    io::write_file_atomically(file, std::to_string(i));
    last = backups.save(file);
  }
  std::vector<std::string> kept;
  for (const auto& entry : fs::directory_iterator(folder.path / "backup" / "students.csv")) {
    kept.push_back(contents(entry.path()));
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return std::stoi(a) < std::stoi(b); });
  CHECK(kept == std::vector<std::string>{"3", "4", "5", "6", "7", "8", "9", "10", "11", "12"});
  CHECK(last.filename().string().rfind("000012-", 0) == 0);
}

TEST_CASE("backups: runs that die before replacing the file push no version out, and half-made copies go")
{
  TemporaryFolder folder;
  const auto file = folder.path / "students.csv";
  io::BackupStore backups(folder.path / "backup", 10);
  io::write_file_atomically(file, "version 1");
  const auto first = backups.save(file);
  io::write_file_atomically(file, "version 2");
  // Ten runs back up version 2 and die before writing version 3.
  fs::path again;
  for (int run = 0; run < 10; ++run) {
    again = backups.save(file);
  }
  const auto folder_of_copies = folder.path / "backup" / "students.csv";
  // What a run killed while copying leaves: a temporary file as large as the roster.
  io::write_file_atomically(folder_of_copies / "ignored", "x");
  // (named as write_file_atomically names its temporary files)
  std::ofstream(folder_of_copies / (".000003-20261201T120000Z" + std::string(io::temporary_file_marker) + "12345"))
    << std::string(1000, 'x');
  io::write_file_atomically(file, "version 3");
  backups.save(file);
  std::vector<std::string> kept;
  for (const auto& entry : fs::directory_iterator(folder_of_copies)) {
    kept.push_back(entry.path().filename().string() == "ignored" ? "ignored" : contents(entry.path()));
  }
  std::sort(kept.begin(), kept.end());
  CHECK(kept == std::vector<std::string>{"ignored", "version 1", "version 2", "version 3"});
  CHECK(fs::exists(first));
  CHECK(again.filename().string().rfind("000002-", 0) == 0);
}

TEST_CASE("a second lock on a workspace gives up with exit code 75")
{
  TemporaryFolder folder;
  io::WorkspaceLock first(folder.path / ".tandem", std::chrono::milliseconds(0));
  // flock locks belong to the open file description, so a second open in the same
  // process conflicts just as another process would.
  try {
    io::WorkspaceLock second(folder.path / ".tandem", std::chrono::milliseconds(200));
    FAIL("the second lock was granted");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::temporary_failure);
    CHECK_THAT(e.what(), Catch::Contains("another tandem run holds the workspace lock"));
  }
}

TEST_CASE("a lock is free again once its holder is gone")
{
  TemporaryFolder folder;
  {
    io::WorkspaceLock first(folder.path / ".tandem", std::chrono::milliseconds(0));
  }
  CHECK_NOTHROW(io::WorkspaceLock(folder.path / ".tandem", std::chrono::milliseconds(0)));
}
