#include "io/progress.hpp"

#include <cstdlib>
#include <string>

#include <unistd.h>

namespace tandem::io {

namespace {

constexpr auto quiet_start = std::chrono::seconds(2);
constexpr auto in_place_interval = std::chrono::milliseconds(100);
constexpr auto lines_interval = std::chrono::seconds(5);

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

TerminalProgress::TerminalProgress(Style style, std::FILE* out, Clock clock)
    : m_style(style), m_out(out), m_clock(std::move(clock)), m_start(m_clock()), m_last_shown(m_start)
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
  text += " (" + std::to_string(seconds) + " s)";
  if (m_style == Style::in_place) {
    std::fprintf(m_out, "\r\x1b[K%s", text.c_str()); // the line rewritten in place
    m_line_open = true;
  } else {
    std::fprintf(m_out, "%s\n", text.c_str());
  }
  std::fflush(m_out);
}

} // namespace tandem::io
