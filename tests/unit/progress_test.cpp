#include "io/progress.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

using tandem::io::TerminalProgress;
using namespace std::chrono_literals;

namespace {

// A run's standard error in memory and a clock the test moves by hand.
struct Run {
  std::chrono::steady_clock::time_point now{};
  std::FILE* file = std::tmpfile();
  ~Run() { std::fclose(file); }

  TerminalProgress::Clock clock()
  {
    return [this] { return now; };
  }

  std::string text() const
  {
    std::fflush(file);
    std::string out(static_cast<std::size_t>(std::ftell(file)), '\0');
    std::rewind(file);
    out.resize(std::fread(out.data(), 1, out.size(), file));
    return out;
  }
};

} // namespace

TEST_CASE("progress: nothing for the first 2 s, then one line rewritten in place, cleared at the end")
{
  Run run;
  {
    TerminalProgress progress(TerminalProgress::Style::in_place, run.file, run.clock(), 80);
    progress.report("reading the workspace", "students.csv");
    run.now += 1900ms;
    progress.report("reading the workspace", "companies.yaml");
    CHECK(run.text().empty()); // a short run stays quiet
    run.now += 200ms;
    progress.report("optimal: step 3 of at most 46", "gap 2.1 %");
    run.now += 50ms; // under 0.1 s since the last: not shown
    progress.report("optimal: step 4 of at most 46", "gap 1.9 %");
    run.now += 100ms;
    progress.report("optimal: step 5 of at most 46", "gap 1.2 %");
    CHECK(run.text() == "\r\x1b[Ktandem: optimal: step 3 of at most 46: gap 2.1 % (2 s)"
                        "\r\x1b[Ktandem: optimal: step 5 of at most 46: gap 1.2 % (2 s)");
  }
  CHECK(run.text().substr(run.text().size() - 4) == "\r\x1b[K");
}

TEST_CASE("progress: an in-place line is cut to the terminal's width, the seconds kept, characters not bytes")
{
  // Cut to a column less than the width: a line that fills the last column
  // wraps on some terminals, and a wrapped line leaves a row behind at each
  // report. Worked by hand: 40 columns leave 39, less " (2 s)" and "..." 30.
  Run run;
  {
    TerminalProgress progress(TerminalProgress::Style::in_place, run.file, run.clock(), 40);
    run.now += 2s;
    progress.report("stable: searching from two starts", "from deferred acceptance, 708 plans");
    run.now += 1s;
    progress.report("stable", "12 plans"); // fits: not cut
  }
  CHECK(run.text() == "\r\x1b[Ktandem: stable: searching from... (2 s)"
                      "\r\x1b[Ktandem: stable: 12 plans (3 s)\r\x1b[K");
  // 20 columns: 19, less 6 and 3, leave 10 characters, two of them 2-byte ä.
  Run finnish;
  {
    TerminalProgress progress(TerminalProgress::Style::in_place, finnish.file, finnish.clock(), 20);
    finnish.now += 2s;
    progress.report("ääää", "ääää");
  }
  CHECK(finnish.text() == "\r\x1b[Ktandem: ää... (2 s)\r\x1b[K");
  // Plain lines are never cut.
  Run plain;
  {
    TerminalProgress progress(TerminalProgress::Style::lines, plain.file, plain.clock(), 20);
    plain.now += 2s;
    progress.report("stable: searching from two starts", "");
  }
  CHECK(plain.text() == "tandem: stable: searching from two starts (2 s)\n");
}

TEST_CASE("progress: the width is asked again at each line, so a resized terminal is followed")
{
  // No width given and no terminal (a file): $COLUMNS decides, read at each
  // line. Worked by hand as above: 40 columns leave 30 characters of text,
  // then 20 columns leave 19, less " (3 s)" and "...": 10.
  const char* before = std::getenv("COLUMNS");
  const std::string saved = before != nullptr ? before : "";
  Run run;
  {
    ::setenv("COLUMNS", "40", 1);
    TerminalProgress progress(TerminalProgress::Style::in_place, run.file, run.clock());
    run.now += 2s;
    progress.report("stable: searching from two starts", "from deferred acceptance, 708 plans");
    ::setenv("COLUMNS", "20", 1); // the terminal made narrower during the run
    run.now += 1s;
    progress.report("stable: searching from two starts", "from deferred acceptance, 708 plans");
  }
  if (before != nullptr) {
    ::setenv("COLUMNS", saved.c_str(), 1);
  } else {
    ::unsetenv("COLUMNS");
  }
  CHECK(run.text() == "\r\x1b[Ktandem: stable: searching from... (2 s)"
                      "\r\x1b[Ktandem: st... (3 s)\r\x1b[K");
}

TEST_CASE("progress: plain lines at most every 5 s where plain output is asked for, and nothing when silent")
{
  Run run;
  {
    TerminalProgress progress(TerminalProgress::Style::lines, run.file, run.clock());
    for (int second = 0; second <= 12; ++second) {
      progress.report("stable: searching", std::to_string(second) + " plans");
      run.now += 1s;
    }
  }
  CHECK(run.text() == "tandem: stable: searching: 2 plans (2 s)\n"
                      "tandem: stable: searching: 7 plans (7 s)\n"
                      "tandem: stable: searching: 12 plans (12 s)\n");
  Run quiet;
  {
    TerminalProgress progress(TerminalProgress::Style::silent, quiet.file, quiet.clock());
    quiet.now += 10s;
    progress.report("stable: searching", "");
  }
  CHECK(quiet.text().empty());
}
