#include "profiles/sheets.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tandem::profiles {

void render_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf)
{
  const char* configured = std::getenv("TANDEM_CHROMIUM");
  const std::string browser = configured != nullptr && *configured != '\0' ? configured : "chromium";
  const auto profile = std::filesystem::temp_directory_path() / fmt::format("tandem-chromium-{}", ::getpid());
  const std::vector<std::string> arguments{browser,
                                           "--headless",
                                           "--no-sandbox",
                                           "--disable-gpu",
                                           "--no-first-run",
                                           "--disable-background-networking",
                                           "--disable-component-update",
                                           "--disable-sync",
                                           "--no-pdf-header-footer",
                                           "--user-data-dir=" + profile.string(),
                                           "--print-to-pdf=" + pdf.string(),
                                           "file://" + std::filesystem::absolute(html).string()};
  std::vector<char*> argv;
  for (const auto& argument : arguments) {
    argv.push_back(const_cast<char*>(argument.c_str()));
  }
  argv.push_back(nullptr);
  std::error_code ignored;
  std::filesystem::remove(pdf, ignored);
  const pid_t child = ::fork();
  if (child < 0) {
    throw Error(fmt::format("cannot start {}: {}", browser, std::strerror(errno)));
  }
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  std::filesystem::remove_all(profile, ignored);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    throw Error(fmt::format("--format pdf renders with Chromium, and `{}` was not found (Debian: apt install "
                            "chromium; or set TANDEM_CHROMIUM)",
                            browser));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(pdf, ignored)
      || std::filesystem::file_size(pdf, ignored) == 0) {
    throw Error(fmt::format("{}: Chromium did not make the PDF", pdf.string()));
  }
}

} // namespace tandem::profiles
