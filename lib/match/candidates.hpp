#pragma once

#include "io/diagnostics.hpp"
#include "match/problem.hpp"
#include "match/scoring.hpp"
#include "match/stable.hpp"
#include "workspace/load.hpp"
#include "workspace/readers.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tandem::match {

// The staff's controls of one run (cli.md: --term, --lock, --exclude).
struct MatchRequest {
  std::optional<std::string> term;
  std::vector<std::string> locks;
  std::vector<std::string> excludes;
};

// What happens to each existing row of placements.csv.
enum class RowFate {
  fixed,    // confirmed, started, completed, cancelled: never changed
  kept,     // proposed and locked (`locked: yes` or --lock), or outside this run's term: kept as it is
  replaced, // proposed inside this run: replaced by the new plan
};

// One run of `match`: the problem the solvers see and what its indices name.
struct MatchInput {
  const workspace::Workspace* workspace = nullptr;
  Problem problem;
  std::vector<const model::Student*> internationals;
  std::vector<const model::Student*> domestics;
  std::vector<const model::Opening*> openings; // open openings of the run
  std::vector<const model::Company*> companies; // each opening's company
  std::vector<RowFate> row_fates;              // one per workspace placement
  std::vector<std::string> excluded_internationals;
  std::vector<std::string> held_students;      // `matching: hold` in students.csv
  bool scores_from_table = false;
  // Staff cancelled these exact candidates (international, domestic or "", opening):
  // never proposed again. The count of candidates left out for it.
  std::unordered_map<std::string, const model::Placement*> cancelled;
  std::size_t cancelled_left_out = 0;

  static std::string candidate_key(std::string_view international, std::string_view domestic,
                                   std::string_view opening);
  // The cancelled placement this candidate repeats, if any.
  const model::Placement* cancelled_as(const Candidate& candidate) const;

  const model::Student& international_of(const Candidate& candidate) const;
  const model::Student* domestic_of(const Candidate& candidate) const;
  const model::Opening& opening_of(const Candidate& candidate) const;
  const model::Company& company_of(const Candidate& candidate) const;
  // "Perho Timber Oy (perho-timber-2)": an opening of the run as staff read it.
  std::string opening_name(int opening) const;
  // "Perho Timber Oy (perho-timber-2) with Pihla Hämäläinen (s23014), score
  // 5.21" (or "solo"): where a candidate puts its international student.
  std::string describe_place(const Candidate& candidate) const;
  // The same after the student: "Tunde Bello (s22002) at Perho Timber Oy ...".
  std::string describe(const Candidate& candidate) const;

  // Rule 8's second half: a real placement of the student overlaps the opening.
  const model::Placement* overlapping_real_placement(const model::Student& student,
                                                     const model::Opening& opening) const;

  struct RealSpan {
    model::Date start;
    model::Date end;
    const model::Placement* placement;
  };
  std::unordered_map<std::string, std::vector<RealSpan>> real_spans; // by student id
};

// Decides who and what takes part in the run. A request naming something that
// is not there (a term, a placement to lock, an id to exclude) throws
// tandem::Error (exit 1).
MatchInput prepare_match(const workspace::Workspace& workspace, const MatchRequest& request);

// How many candidates a run lists. Beyond `most_candidates` (a national
// roster can allow 10^10 triples), each international student is listed only at
// their best `openings_per_student` openings and each opening with its best
// `students_per_opening` students (by the most a candidate there could score),
// with `partners_per_opening` partners (see below);
// problem.most_possible then bounds what was left out.
struct CandidateLimits {
  double most_candidates = 100e6; // estimated before the pair rules: about twice the real count
  std::size_t openings_per_student = 24;
  std::size_t students_per_opening = 16;
  std::size_t partners_per_opening = 24;
  // Those whose best pair with one of the opening's
  // `students_choosing_partners` best students scores most, of every partner
  // eligible there.
  std::size_t students_choosing_partners = 16;
  // The partners of each coverage key at an opening priced one by one in the
  // bound of what the shortlist leaves out (MostPossible::PartnerKey).
  std::size_t priced_partners_per_key = 16;
};

// Every candidate that passes the hard rules, scored (match/scoring); a
// shortlist of them when they are too many (see CandidateLimits).
void add_scored_candidates(MatchInput& input, const CandidateLimits& limits = {});

// The rows of a --scores-in table as the only candidates, with their scores.
// A row naming an unknown student or opening is an error; a row breaking a
// hard rule, or naming someone outside this run, is left out with a warning.
void add_table_candidates(MatchInput& input, const std::vector<workspace::ScoreRow>& rows,
                          const std::string& file, io::Diagnostics& diagnostics);

// The score of a candidate component by component, as add_scored_candidates
// computed it; none for a --scores-in run, whose scores come from the table.
std::optional<Components> components_of(const MatchInput& input, const Candidate& candidate);

// The parties' preferences for --method stable: each ranks its candidates by
// its stated list first (a student's `preferences` naming the opening or its
// company; a company's `preferences` naming the international student, then
// the partner), then by score; the candidate's position breaks the last ties.
Rankings rank_candidates(const MatchInput& input);

} // namespace tandem::match
