#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tandem::io {

// Replaces `path` with `contents` so that a reader, or a crash, sees either the
// old file or the new one, never a mix: a temporary file in the same folder is
// written, flushed to disk, and renamed over the target; the folder is then
// flushed so the rename survives a power cut. Keeps the old file's permissions.
// Through a symbolic link it replaces the file the link names; the link stays.
// Throws tandem::Error naming the path when any step fails (the target is then
// untouched and the temporary file removed).
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

// Appends `contents` to `path` (created when missing) and flushes it to disk
// before returning: for journals such as the reminder ledger, where each record
// must survive a crash right after it is written. Throws tandem::Error.
void append_durably(const std::filesystem::path& path, std::string_view contents);
// Writes all of `contents` to a descriptor, retrying short writes; false (errno
// set) when the descriptor refuses, such as a pipe whose reader has gone.
bool write_to_descriptor(int fd, std::string_view contents);

// The prefix of every temporary file, so that stale ones (a run killed by a
// signal) can be recognised and removed by the next run that holds the lock.
inline constexpr std::string_view temporary_file_marker = ".tandem-tmp-";

// Reads a whole file; std::nullopt when it does not exist. Throws tandem::Error
// when it exists but cannot be read.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& path,
                                               const std::string& display_name);

// Reads a whole file; throws tandem::Error naming `display_name` when it cannot.
std::string read_file(const std::filesystem::path& path, const std::string& display_name);

// Throws io::ProblemError naming `display_name` when `path` is a folder: a
// stream opens one as an empty file, and it must not pass for an empty file.
void refuse_folder(const std::filesystem::path& path, const std::string& display_name);

} // namespace tandem::io
