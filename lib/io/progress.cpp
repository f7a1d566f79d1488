#include "io/progress.hpp"

#include "io/encoding.hpp"

#include <cstdlib>
#include <string>

#include <sys/ioctl.h>
#include <unistd.h>

namespace tandem::io {

namespace {

constexpr auto quiet_start = std::chrono::seconds(2);
constexpr auto in_place_interval = std::chrono::milliseconds(100);
constexpr auto lines_interval = std::chrono::seconds(5);

// The width of the terminal `out` is, else $COLUMNS, else 80.
std::size_t columns_of(std::FILE* out)
{
  winsize size{};
  if (::ioctl(::fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    if (const long value = std::strtol(columns, nullptr, 10); value > 0) {
      return static_cast<std::size_t>(value);
    }
  }
  return 80;
}

// `text` with at most `columns` characters, cut before `tail` (which stays)
// and marked by "...". Characters are counted as UTF-8 code points.
std::string fitted(std::string_view text, std::string_view tail, std::size_t columns)
{
  const std::size_t tail_characters = character_count(tail);
  if (character_count(text) + tail_characters <= columns) {
    return std::string(text) + std::string(tail);
  }
  const std::string_view mark = "...";
  const std::size_t room = columns > tail_characters + mark.size() ? columns - tail_characters - mark.size() : 0;
  std::size_t end = 0;
  for (std::size_t kept = 0; end < text.size(); ++end) {
    if (!is_utf8_continuation(text[end]) && kept++ == room) {
      break;
    }
  }
  return std::string(text.substr(0, end)) + std::string(mark) + std::string(tail);
}

} // namespace

TerminalProgress::Style TerminalProgress::style_for(bool quiet)
{
  if (quiet || ::isatty(STDERR_FILENO) == 0) {
    return Style::silent;
  }
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  if ((no_color != nullptr && *no_color != '\0') || (term != nullptr && std::string_view(term) == "dumb")) {
    return Style::lines;
  }
  return Style::in_place;
}

TerminalProgress::TerminalProgress(Style style, std::FILE* out, Clock clock, std::size_t columns)
    : m_style(style), m_out(out), m_clock(std::move(clock)), m_columns(columns),
      m_start(m_clock()), m_last_shown(m_start)
{
}

TerminalProgress::~TerminalProgress()
{
  if (m_line_open) {
    std::fputs("\r\x1b[K", m_out);
    std::fflush(m_out);
  }
}

void TerminalProgress::report(std::string_view stage, std::string_view detail)
{
  if (m_style == Style::silent) {
    return;
  }
  const std::lock_guard lock(m_mutex);
  const auto now = m_clock();
  if (now - m_start < quiet_start) {
    return;
  }
  const auto interval = m_style == Style::in_place ? std::chrono::steady_clock::duration(in_place_interval)
                                                   : std::chrono::steady_clock::duration(lines_interval);
  if (m_shown && now - m_last_shown < interval) {
    return;
  }
  m_shown = true;
  m_last_shown = now;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - m_start).count();
  std::string text = "tandem: " + std::string(stage);
  if (!detail.empty()) {
    text += ": " + std::string(detail);
  }
  const std::string elapsed = " (" + std::to_string(seconds) + " s)";
  if (m_style == Style::in_place) {
    // Asked at each line: the terminal may have been resized since the last.
    const std::size_t columns = m_columns != 0 ? m_columns : columns_of(m_out);
    // One column spare: a line that fills the last one wraps on some terminals.
    const std::string line = fitted(text, elapsed, columns - 1);
    std::fprintf(m_out, "\r\x1b[K%s", line.c_str()); // the line rewritten in place
    m_line_open = true;
  } else {
    std::fprintf(m_out, "%s%s\n", text.c_str(), elapsed.c_str());
  }
  std::fflush(m_out);
}

} // namespace tandem::io
