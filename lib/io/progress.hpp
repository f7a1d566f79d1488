#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace tandem::io {

// What long runs report as they go (the stage, and a detail such as a plan's
// gap); the library reports, the command line decides whether anyone sees it.
// Reports may come from several threads at once (the loader's, the stable
// searches'): an implementation serialises them.
class ProgressSink {
public:
  virtual ~ProgressSink() = default;
  virtual void report(std::string_view stage, std::string_view detail) = 0;
};

// Progress on standard error for a person at a terminal: nothing for the first
// 2 s (a short run stays quiet), then one line rewritten in place as reports
// come (at most 10 times a second); where plain output is asked for (NO_COLOR,
// TERM=dumb), plain lines at most every 5 s instead. Nothing at all with
// --quiet or when standard error is not a terminal (cron, pipes). The display
// depends on time; what the run computes never does. An in-place line is cut
// to the terminal's width: a line that wraps is no longer rewritten in place,
// and each report would leave a row behind.
class TerminalProgress : public ProgressSink {
public:
  enum class Style { silent, in_place, lines };
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // The style for this process: its standard error, --quiet and the environment.
  static Style style_for(bool quiet);

  // `columns`: the terminal's width; 0 asks the terminal `out` is (then
  // $COLUMNS, then 80) at each in-place line, so a resized terminal is followed.
  explicit TerminalProgress(Style style, std::FILE* out = stderr, Clock clock = std::chrono::steady_clock::now,
                            std::size_t columns = 0);
  ~TerminalProgress() override; // clears an in-place line
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  void report(std::string_view stage, std::string_view detail) override;

private:
  Style m_style;
  std::FILE* m_out;
  Clock m_clock;
  std::size_t m_columns; // 0: asked at each line
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last_shown;
  bool m_shown = false;     // something has been shown
  bool m_line_open = false; // an in-place line waits to be cleared
  std::mutex m_mutex; // reports may come from the loader's second thread
};

} // namespace tandem::io
