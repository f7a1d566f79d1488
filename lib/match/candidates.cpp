#include "match/candidates.hpp"

#include "io/error.hpp"
#include "io/huge_pages.hpp"
#include "io/text.hpp"
#include "match/parallel.hpp"
#include "match/rules.hpp"
#include "match/scoring.hpp"
#include "match/stable.hpp"
#include "report/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <climits>
#include <cstdint>
#include <future>
#include <numeric>
#include <tuple>
#include <string_view>
#include <unordered_set>

namespace tandem::match {

namespace {

// Rules 2, 3, 4 and 8 for one student at one opening: the rules that do not
// depend on the partner.
bool passes_own_rules(const MatchInput& input, const model::Student& student, const model::Opening& opening,
                      const model::Company& company)
{
  const auto& settings = input.workspace->project->matching;
  return (student.group == model::Group::domestic || field_fits(opening, student))
         && availability(student, opening, settings.min_overlap_days).enough()
         && !is_avoided(company, student) && !left_before_start(student, opening)
         && input.overlapping_real_placement(student, opening) == nullptr;
}

bool takes_solo(const model::Opening& opening) { return opening.kind != model::OpeningKind::tandem; }
bool takes_pairs(const model::Opening& opening) { return opening.kind != model::OpeningKind::solo; }

} // namespace

std::string MatchInput::candidate_key(std::string_view international, std::string_view domestic,
                                      std::string_view opening)
{
  return fmt::format("{}\n{}\n{}", international, domestic, opening);
}

const model::Placement* MatchInput::cancelled_as(const Candidate& candidate) const
{
  if (cancelled.empty()) {
    return nullptr;
  }
  const auto* domestic = domestic_of(candidate);
  const auto found = cancelled.find(
    candidate_key(international_of(candidate).id, domestic ? std::string_view(domestic->id) : "", opening_of(candidate).id));
  return found == cancelled.end() ? nullptr : found->second;
}

const model::Student& MatchInput::international_of(const Candidate& candidate) const
{
  return *internationals[at(candidate.international)];
}

const model::Student* MatchInput::domestic_of(const Candidate& candidate) const
{
  return candidate.domestic == solo ? nullptr : domestics[at(candidate.domestic)];
}

const model::Opening& MatchInput::opening_of(const Candidate& candidate) const
{
  return *openings[at(candidate.opening)];
}

const model::Company& MatchInput::company_of(const Candidate& candidate) const
{
  return *companies[at(candidate.opening)];
}

std::string MatchInput::opening_name(int opening) const
{
  return companies[at(opening)]->name + " (" + openings[at(opening)]->id + ")";
}

std::string MatchInput::describe_place(const Candidate& candidate) const
{
  const auto* domestic = domestic_of(candidate);
  return fmt::format("{}{}, score {:.2f}", opening_name(candidate.opening),
                     domestic ? " with " + domestic->display_name() : std::string(" solo"), candidate.score);
}

std::string MatchInput::describe(const Candidate& candidate) const
{
  return international_of(candidate).display_name() + " at " + describe_place(candidate);
}

const model::Placement* MatchInput::overlapping_real_placement(const model::Student& student,
                                                               const model::Opening& opening) const
{
  const auto found = real_spans.find(student.id);
  if (found == real_spans.end()) {
    return nullptr;
  }
  for (const auto& span : found->second) {
    if (span.start <= opening.end && opening.start <= span.end) {
      return span.placement;
    }
  }
  return nullptr;
}

MatchInput prepare_match(const workspace::Workspace& workspace, const MatchRequest& request)
{
  MatchInput input;
  input.workspace = &workspace;
  const auto& project = *workspace.project;
  using std::chrono::year;
  const report::Period window
    = request.term ? report::resolve_period(project, request.term, std::nullopt, std::nullopt)
                   : report::Period{year::min() / 1 / 1, year::max() / 12 / 31};
  const auto in_term = [&](const model::Opening& opening) { return window.contains(opening.start); };

  for (const auto& id : request.excludes) {
    if (workspace.find_student(id) == nullptr && workspace.find_opening(id) == nullptr) {
      throw Error(fmt::format("--exclude {}: no student or opening has this id", id));
    }
  }
  for (const auto& id : request.locks) {
    const auto* placement = workspace.find_placement(id);
    if (placement == nullptr) {
      throw Error(fmt::format("--lock {}: placements.csv has no placement with this id", id));
    }
    if (placement->status != model::PlacementStatus::proposed) {
      throw Error(fmt::format("--lock {}: the placement is {}, and only a proposed placement needs a lock "
                              "(later ones are never changed)",
                              id, model::to_string(placement->status)));
    }
  }

  // Slots and students that rows outside this run's reach already use.
  std::unordered_map<std::string, int> slots_used;
  std::unordered_set<std::string> students_taken;
  for (const auto& placement : workspace.placements) {
    const model::Opening* opening = workspace.find_opening(placement.opening_id);
    RowFate fate = RowFate::fixed;
    if (placement.status == model::PlacementStatus::proposed) {
      const bool replaceable = opening != nullptr && in_term(*opening) && !placement.locked
                               && !io::contains(request.locks, placement.id);
      fate = replaceable ? RowFate::replaced : RowFate::kept;
    } else if (placement.status == model::PlacementStatus::cancelled) {
      input.cancelled.emplace(
        MatchInput::candidate_key(placement.international_id, placement.domestic_id, placement.opening_id),
        &placement);
    }
    input.row_fates.push_back(fate);
    if (placement.is_real() && opening != nullptr) {
      const model::Date start = placement.start.value_or(opening->start);
      const model::Date end = placement.end.value_or(opening->end);
      for (const auto* id : {&placement.international_id, &placement.domestic_id}) {
        if (!id->empty()) {
          input.real_spans[*id].push_back({start, end, &placement});
        }
      }
    }
    if (placement.is_real() || fate == RowFate::kept) {
      ++slots_used[placement.opening_id];
    }
    if (fate == RowFate::kept) {
      students_taken.insert(placement.international_id);
      students_taken.insert(placement.domestic_id);
    }
  }

  for (const auto& student : workspace.students) {
    if (students_taken.count(student.id) != 0) {
      continue;
    }
    if (student.on_hold) {
      input.held_students.push_back(student.id);
      continue;
    }
    const bool excluded = io::contains(request.excludes, student.id);
    if (student.group == model::Group::international) {
      if (excluded) {
        input.excluded_internationals.push_back(student.id);
      } else {
        input.internationals.push_back(&student);
      }
    } else if (!excluded) {
      input.domestics.push_back(&student);
    }
  }
  for (const auto& company : workspace.companies) {
    for (const auto& opening : company.openings) {
      const int free = opening.slots - slots_used[opening.id];
      if (in_term(opening) && !io::contains(request.excludes, opening.id) && free > 0) {
        input.openings.push_back(&opening);
        input.companies.push_back(&company);
        input.problem.capacity.push_back(free);
      }
    }
  }
  input.problem.internationals = static_cast<int>(input.internationals.size());
  input.problem.domestics = static_cast<int>(input.domestics.size());
  return input;
}

namespace {

// Rule 7 for every pair of the run, worked out once (it does not depend on
// the opening): each student's languages at `common_language` or above as a
// set of bits, one per language code met in the run, so a pair is one AND
// (a table of every pair would take 80 MB for a national roster and miss the
// cache at every look-up).
class SharedLanguages {
public:
  explicit SharedLanguages(const MatchInput& input)
  {
    const auto level = input.workspace->project->matching.common_language;
    std::unordered_map<std::string, std::size_t> bit_of_code{{"fi", 0}};
    for (const auto* group : {&input.internationals, &input.domestics}) {
      for (const auto* student : *group) {
        for (const auto& skill : student->languages) {
          bit_of_code.emplace(skill.code, bit_of_code.size());
        }
      }
    }
    m_words = (bit_of_code.size() + 63) / 64;
    const auto held_at_level = [&](const std::vector<const model::Student*>& students) {
      std::vector<std::uint64_t> bits(students.size() * m_words, 0);
      for (std::size_t index = 0; index < students.size(); ++index) {
        for (const auto& [code, bit] : bit_of_code) {
          const auto held = students[index]->level_in(code);
          if (held && *held >= level) {
            bits[index * m_words + bit / 64] |= std::uint64_t{1} << (bit % 64);
          }
        }
      }
      return bits;
    };
    m_internationals = held_at_level(input.internationals);
    m_domestics = held_at_level(input.domestics);
  }

  bool shared(std::size_t international, std::size_t domestic) const
  {
    for (std::size_t word = 0; word < m_words; ++word) {
      if ((m_internationals[international * m_words + word] & m_domestics[domestic * m_words + word]) != 0) {
        return true;
      }
    }
    return false;
  }

private:
  std::size_t m_words = 0;
  std::vector<std::uint64_t> m_internationals;
  std::vector<std::uint64_t> m_domestics;
};

using PartnerFits = std::vector<std::pair<std::size_t, Fit>>; // (domestic index, fit)
using Ranked = std::vector<std::pair<double, int>>;             // (-most, other index): best first

// What a very large run considers: at each opening, the international
// students who have it among their best openings, and the best partners.
struct Shortlist {
  std::vector<std::vector<int>> internationals_of_opening;
  std::vector<PartnerFits> partners_of_opening; // chosen once, read twice
};

// Runs `work(first, last)` over consecutive parts of the openings, one per
// core, and returns the parts' results in opening order.
template <typename Work>
auto over_openings(const MatchInput& input, const Work& work)
{
  std::vector<decltype(work(std::size_t{}, std::size_t{}))> results(part_count(input.openings.size()));
  for_each_part(input.openings.size(), [&](std::size_t part, std::size_t first, std::size_t last) {
    results[part] = work(first, last);
  });
  return results;
}

// At each opening, the students who pass their own rules (indices into the
// run's internationals and domestics; no domestics at a solo opening).
struct Eligible {
  std::vector<std::vector<int>> internationals;
  std::vector<std::vector<int>> domestics;
};

Eligible eligible_students(const MatchInput& input)
{
  using Lists = std::pair<std::vector<std::vector<int>>, std::vector<std::vector<int>>>;
  const auto parts = over_openings(input, [&input](std::size_t first, std::size_t last) {
    Lists lists;
    for (std::size_t index = first; index < last; ++index) {
      const auto& opening = *input.openings[index];
      const auto& company = *input.companies[index];
      auto& internationals = lists.first.emplace_back();
      auto& domestics = lists.second.emplace_back();
      for (std::size_t student = 0; student < input.internationals.size(); ++student) {
        if (passes_own_rules(input, *input.internationals[student], opening, company)) {
          internationals.push_back(static_cast<int>(student));
        }
      }
      for (std::size_t student = 0; takes_pairs(opening) && student < input.domestics.size(); ++student) {
        if (passes_own_rules(input, *input.domestics[student], opening, company)) {
          domestics.push_back(static_cast<int>(student));
        }
      }
    }
    return lists;
  });
  Eligible eligible;
  for (const auto& part : parts) {
    eligible.internationals.insert(eligible.internationals.end(), part.first.begin(), part.first.end());
    eligible.domestics.insert(eligible.domestics.end(), part.second.begin(), part.second.end());
  }
  return eligible;
}

// Every partner eligible at an opening, measured, in domestic order.
PartnerFits partners_at(const MatchInput& input, const OpeningProfile& profile, const std::vector<int>& eligible)
{
  PartnerFits fits;
  for (const int domestic : eligible) {
    fits.emplace_back(static_cast<std::size_t>(domestic), profile.fit(*input.domestics[at(domestic)]));
  }
  return fits;
}

// The most candidates the rules could allow at openings [first, last).
std::size_t candidate_room(const Eligible& eligible, const Shortlist* shortlist, std::size_t first, std::size_t last)
{
  std::size_t most = 0;
  for (std::size_t opening_index = first; opening_index < last; ++opening_index) {
    const std::size_t partners = shortlist ? shortlist->partners_of_opening[opening_index].size()
                                           : eligible.domestics[opening_index].size();
    const std::size_t students = shortlist ? shortlist->internationals_of_opening[opening_index].size()
                                           : eligible.internationals[opening_index].size();
    most += students * (1 + partners);
  }
  return most;
}

// Appends the candidates at openings [first, last), in opening order; with a
// shortlist, only those it names. The caller reserves their room
// (candidate_room) at once: a growing vector of millions would copy itself
// and fault in its pages again at each doubling.
void candidates_at(const MatchInput& input, const SharedLanguages& shares, const Eligible& eligible,
                   std::size_t first, std::size_t last, const Shortlist* shortlist,
                   std::vector<Candidate>& candidates)
{
  const auto& settings = input.workspace->project->matching;
  Fit fit; // one for all students: its storage is reused
  PartnerFits every_partner;
  for (std::size_t opening_index = first; opening_index < last; ++opening_index) {
    const auto& opening = *input.openings[opening_index];
    const auto& company = *input.companies[opening_index];
    const OpeningProfile profile(opening, company, settings);

    if (!shortlist) {
      every_partner = partners_at(input, profile, eligible.domestics[opening_index]);
    }
    const PartnerFits& domestic_fits = shortlist ? shortlist->partners_of_opening[opening_index] : every_partner;
    for (const int listed : shortlist ? shortlist->internationals_of_opening[opening_index]
                                      : eligible.internationals[opening_index]) {
      const auto international = static_cast<std::size_t>(listed);
      profile.fit_into(*input.internationals[international], fit);
      const auto add = [&](int domestic, const Fit* partner) {
        candidates.push_back({static_cast<int>(international), domestic, static_cast<int>(opening_index),
                              profile.components(fit, partner).total()});
      };
      if (takes_solo(opening) && profile.requirements_met(fit, nullptr)) {
        add(solo, nullptr);
      }
      for (const auto& [domestic, partner] : domestic_fits) {
        if (shares.shared(international, domestic) && profile.requirements_met(fit, &partner)) {
          add(static_cast<int>(domestic), &partner);
        }
      }
    }
  }
}

} // namespace

namespace {

// Candidates there would be without a shortlist (an upper estimate: the pair
// rules are not applied).
double candidate_count(const Eligible& eligible)
{
  double count = 0;
  for (std::size_t opening = 0; opening < eligible.internationals.size(); ++opening) {
    count += static_cast<double>(eligible.internationals[opening].size())
             * (1.0 + static_cast<double>(eligible.domestics[opening].size()));
  }
  return count;
}

// Who is listed where: each student at their best openings, and each opening
// with its best students (so that no opening is left without), by the most a
// candidate there could score, among the places where a listed candidate
// exists. Sets problem.most_possible: over all openings.
Shortlist make_shortlist(MatchInput& input, const Eligible& eligible, const SharedLanguages& shares,
                         const CandidateLimits& limits)
{
  const auto& settings = input.workspace->project->matching;
  struct Part {
    std::vector<Ranked> openings_of_student;
    std::vector<MostPossible> most_of_opening;
    std::vector<std::vector<int>> students_of_opening;
    std::vector<PartnerFits> partners_of_opening;
  };
  auto parts = over_openings(input, [&](std::size_t first, std::size_t last) {
    Part part{std::vector<Ranked>(input.internationals.size()), {}, {}, {}};
    Fit fit; // one for all students: its storage is reused
    for (std::size_t index = first; index < last; ++index) {
      const auto& opening = *input.openings[index];
      const OpeningProfile profile(opening, *input.companies[index], settings);
      MostPossibleBuilder most(profile, limits.priced_partners_per_key);
      if (takes_pairs(opening)) {
        for (const int domestic : eligible.domestics[index]) {
          profile.fit_into(*input.domestics[at(domestic)], fit);
          most.add_partner(domestic, fit);
        }
      }
      Ranked valued; // (-the most a candidate of the student could score here, position in most.students())
      for (const int international : eligible.internationals[index]) {
        profile.fit_into(*input.internationals[at(international)], fit);
        // The most a candidate of this student here could score: solo, or
        // with the best of every partner eligible here.
        const bool solo_allowed = takes_solo(opening) && profile.requirements_met(fit, nullptr);
        const double value
          = most.add_student(international, fit, solo_allowed ? profile.components(fit, nullptr).total() : -HUGE_VAL);
        if (value != -HUGE_VAL) { // else no allowed candidate here
          valued.emplace_back(-value, static_cast<int>(most.students().size() - 1));
        }
      }
      // The partners listed: those whose pairs with the opening's best
      // students score most. Chosen by what they bring alone, as until round
      // 5, they left the students' best pairs out (national benchmark: 58,872
      // with 7,153 placed, now every slot filled; docs/performance.md).
      Ranked best_students = valued;
      const std::size_t choosing = std::min(best_students.size(), limits.students_choosing_partners);
      std::partial_sort(best_students.begin(), best_students.begin() + static_cast<long>(choosing),
                        best_students.end());
      std::vector<std::size_t> choosers;
      for (std::size_t place = 0; place < choosing; ++place) {
        choosers.push_back(at(best_students[place].second));
      }
      const auto chosen = most.best_partners(choosers, limits.partners_per_opening);
      auto& partners = part.partners_of_opening.emplace_back();
      for (const auto& partner : chosen) {
        partners.emplace_back(at(partner.domestic), profile.fit(*input.domestics[at(partner.domestic)]));
      }
      Ranked students;
      for (const auto& student : valued) {
        const double value = -student.first;
        const std::size_t entry = at(student.second);
        const int international = most.students()[entry].international;
        const bool listed_candidate
          = most.students()[entry].solo != -HUGE_VALF
            || std::any_of(chosen.begin(), chosen.end(), [&](const auto& partner) {
                 return shares.shared(at(international), at(partner.domestic))
                        && most.meet_requirements(entry, partner.key);
               });
        if (!listed_candidate) {
          continue;
        }
        students.emplace_back(-value, international);
        auto& ranked = part.openings_of_student[at(international)];
        ranked.emplace_back(-value, static_cast<int>(index));
        std::push_heap(ranked.begin(), ranked.end());
        if (ranked.size() > limits.openings_per_student) {
          std::pop_heap(ranked.begin(), ranked.end());
          ranked.pop_back();
        }
      }
      // Eight times as many as are listed: the choice among them is made below,
      // for all openings at once (4x placed 5,906 on the national benchmark,
      // 8x 6,885 of 7,183 slots, 16x 7,033 but took the solver three times as long).
      const std::size_t kept = std::min(students.size(), 8 * limits.students_per_opening);
      std::partial_sort(students.begin(), students.begin() + static_cast<long>(kept), students.end());
      auto& ranked = part.students_of_opening.emplace_back();
      for (std::size_t place = 0; place < kept; ++place) {
        ranked.push_back(students[place].second);
      }
      part.most_of_opening.push_back(std::move(most).done());
    }
    return part;
  });

  Shortlist shortlist;
  std::vector<std::vector<int>> ranked_students_of_opening; // best first
  for (auto& part : parts) {
    std::move(part.students_of_opening.begin(), part.students_of_opening.end(),
              std::back_inserter(ranked_students_of_opening));
    std::move(part.partners_of_opening.begin(), part.partners_of_opening.end(),
              std::back_inserter(shortlist.partners_of_opening));
    std::move(part.most_of_opening.begin(), part.most_of_opening.end(),
              std::back_inserter(input.problem.most_possible));
  }
  shortlist.internationals_of_opening.resize(ranked_students_of_opening.size());
  std::vector<std::size_t> listings(input.internationals.size(), 0);
  for (std::size_t international = 0; international < input.internationals.size(); ++international) {
    Ranked merged;
    for (const auto& part : parts) {
      merged.insert(merged.end(), part.openings_of_student[international].begin(),
                    part.openings_of_student[international].end());
    }
    std::sort(merged.begin(), merged.end());
    merged.resize(std::min(merged.size(), limits.openings_per_student));
    for (const auto& [value, opening] : merged) {
      shortlist.internationals_of_opening[at(opening)].push_back(static_cast<int>(international));
    }
    listings[international] = merged.size();
  }
  // Each opening: half its places to its best students, the other half to the
  // best of those listed at the fewest openings so far. Best students alone
  // would list the same few everywhere, and openings nobody ranks high would
  // be left with students placed elsewhere (the national benchmark placed
  // 4,974 so, 6,885 now, from as many candidates).
  for (std::size_t opening = 0; opening < ranked_students_of_opening.size(); ++opening) {
    auto& ranked = ranked_students_of_opening[opening]; // reordered in place: read only here
    auto& listed = shortlist.internationals_of_opening[opening];
    const std::size_t best = std::min(ranked.size(), (limits.students_per_opening + 1) / 2);
    const std::size_t all = std::min(ranked.size(), limits.students_per_opening);
    std::stable_sort(ranked.begin() + static_cast<long>(best), ranked.end(),
                     [&](int a, int b) { return listings[at(a)] < listings[at(b)]; });
    for (std::size_t place = 0; place < all; ++place) {
      listed.push_back(ranked[place]);
      ++listings[at(ranked[place])];
    }
  }
  for (auto& listed : shortlist.internationals_of_opening) { // in student order, once each
    std::sort(listed.begin(), listed.end());
    listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
  }
  return shortlist;
}

} // namespace

void add_scored_candidates(MatchInput& input, const CandidateLimits& limits)
{
  const SharedLanguages shares(input);
  const Eligible eligible = eligible_students(input);
  const bool too_many = candidate_count(eligible) > limits.most_candidates;
  const Shortlist shortlist = too_many ? make_shortlist(input, eligible, shares, limits) : Shortlist{};
  const Shortlist* listed = too_many ? &shortlist : nullptr;
  // The first part is written straight into the problem's candidates, with
  // room for all: only the later parts are copied there. Touching fresh
  // memory is what costs (half of the candidates' time on a virtual machine,
  // docs/performance.md round 9). No part reads the problem's candidates.
  auto& all = input.problem.candidates;
  const std::size_t before = all.size();
  const auto later_parts = over_openings(input, [&](std::size_t first, std::size_t last) {
    std::vector<Candidate> part;
    auto& into = first == 0 ? all : part;
    io::reserve_on_huge_pages(into, into.size() + candidate_room(eligible, listed, first,
                                                                 first == 0 ? input.openings.size() : last));
    candidates_at(input, shares, eligible, first, last, listed, into);
    return part;
  });
  for (const auto& part : later_parts) {
    all.insert(all.end(), part.begin(), part.end());
  }
  const auto cancelled = std::remove_if(all.begin() + static_cast<long>(before), all.end(), [&](const Candidate& candidate) {
    return input.cancelled_as(candidate) != nullptr; // staff cancelled this very placement: never proposed again
  });
  input.cancelled_left_out += static_cast<std::size_t>(all.end() - cancelled);
  all.erase(cancelled, all.end());
}

void add_table_candidates(MatchInput& input, const std::vector<workspace::ScoreRow>& rows,
                          const std::string& file, io::Diagnostics& diagnostics)
{
  input.scores_from_table = true;
  const auto& workspace = *input.workspace;
  const auto positions_of = [](const auto& list) {
    std::unordered_map<std::string_view, int> positions;
    for (std::size_t index = 0; index < list.size(); ++index) {
      positions.emplace(list[index]->id, static_cast<int>(index));
    }
    return positions;
  };
  const auto international_positions = positions_of(input.internationals);
  const auto domestic_positions = positions_of(input.domestics);
  const auto opening_positions = positions_of(input.openings);
  const auto position = [](const std::unordered_map<std::string_view, int>& positions, const std::string& id) {
    const auto found = positions.find(id);
    return found == positions.end() ? -1 : found->second;
  };
  std::unordered_map<std::string, std::size_t> first_line;
  for (const auto& row : rows) {
    const auto line = row.origin.line;
    const auto* international = workspace.find_student(row.international_id);
    const auto* domestic = row.domestic_id.empty() ? nullptr : workspace.find_student(row.domestic_id);
    const auto* opening = workspace.find_opening(row.opening_id);
    if (international == nullptr || opening == nullptr || (!row.domestic_id.empty() && domestic == nullptr)) {
      const std::string& unknown = international == nullptr ? row.international_id
                                   : opening == nullptr      ? row.opening_id
                                                             : row.domestic_id;
      diagnostics.error(file, line, fmt::format("{} is not a student or opening of the workspace", unknown));
      continue;
    }
    if (international->group != model::Group::international
        || (domestic != nullptr && domestic->group != model::Group::domestic)) {
      const bool first_wrong = international->group != model::Group::international;
      diagnostics.error(file, line,
                        fmt::format("{} is in the group {} of students.csv, but the column {} takes {} students",
                                    first_wrong ? row.international_id : row.domestic_id,
                                    first_wrong ? "domestic" : "international",
                                    first_wrong ? "international_id" : "domestic_id",
                                    first_wrong ? "international" : "domestic"));
      continue;
    }
    const auto key = row.international_id + '\n' + row.domestic_id + '\n' + row.opening_id;
    if (const auto [earlier, inserted] = first_line.emplace(key, line); !inserted) {
      diagnostics.error(file, line, fmt::format("the same candidate is on line {}", earlier->second));
      continue;
    }
    const int international_index = position(international_positions, row.international_id);
    const int domestic_index = domestic ? position(domestic_positions, row.domestic_id) : solo;
    const int opening_index = position(opening_positions, row.opening_id);
    if (international_index < 0 || (domestic != nullptr && domestic_index < 0) || opening_index < 0) {
      diagnostics.warning(file, line, "left out: names a student or opening outside this run "
                                      "(excluded, already placed, out of the term, or no free slot)");
      continue;
    }
    const Candidate candidate{international_index, domestic_index, opening_index, row.score};
    if (const auto* cancelled = input.cancelled_as(candidate)) {
      diagnostics.warning(file, line, fmt::format("left out: staff cancelled this placement ({}), so it is "
                                                  "never proposed again",
                                                  cancelled->id));
      ++input.cancelled_left_out;
      continue;
    }
    const auto& company = *input.companies[at(opening_index)];
    auto breaches = check_candidate(*opening, company, *international, domestic,
                                    workspace.project->matching);
    for (const auto* student : {international, domestic}) {
      if (student != nullptr) {
        if (const auto* busy = input.overlapping_real_placement(*student, *opening)) {
          breaches.push_back({Rule::nobody_twice, fmt::format("{} has the real placement {} at the same time",
                                                              student->id, busy->id)});
        }
      }
    }
    if (!breaches.empty()) {
      diagnostics.warning(file, line, fmt::format("left out: breaks rule {} ({})",
                                                  static_cast<int>(breaches.front().rule),
                                                  breaches.front().explanation));
      continue;
    }
    input.problem.candidates.push_back(candidate);
  }
}

namespace {

// Stated preferences resolved to indices once, so that ranking 21 million
// candidates compares numbers, not ids: for each party, (index, place) of every
// index its list names, at the place of the first entry naming it.
class StatedPlaces {
public:
  // `named` gives, for an entry of a list, the indices it names.
  template <typename Parties, typename Lists, typename Named>
  StatedPlaces(const Parties& parties, const Lists& list_of, const Named& named)
  {
    m_places.reserve(parties.size());
    for (const auto* party : parties) {
      auto& places = m_places.emplace_back();
      const auto& list = list_of(*party);
      for (std::size_t place = 0; place < list.size(); ++place) {
        for (const int index : named(list[place])) {
          if (std::none_of(places.begin(), places.end(), [&](const auto& entry) { return entry.first == index; })) {
            places.push_back({index, static_cast<long>(place)});
          }
        }
      }
    }
  }

  // A ranking key's first part: the place of `index` in the party's list, unlisted last.
  long of(std::size_t party, int index) const
  {
    for (const auto& [named, place] : m_places[party]) {
      if (named == index) {
        return place;
      }
    }
    return LONG_MAX;
  }

private:
  std::vector<std::vector<std::pair<int, long>>> m_places;
};

// The indices of the parties each id names (`ids_of` giving a party's ids).
template <typename Parties, typename Ids>
std::unordered_map<std::string_view, std::vector<int>> indices_by_id(const Parties& parties, const Ids& ids_of)
{
  std::unordered_map<std::string_view, std::vector<int>> indices;
  for (std::size_t index = 0; index < parties.size(); ++index) {
    for (const std::string_view id : ids_of(index)) {
      indices[id].push_back(static_cast<int>(index));
    }
  }
  return indices;
}


} // namespace

std::optional<Components> components_of(const MatchInput& input, const Candidate& candidate)
{
  if (input.scores_from_table) {
    return std::nullopt;
  }
  const OpeningProfile profile(input.opening_of(candidate), input.company_of(candidate),
                               input.workspace->project->matching);
  const Fit international = profile.fit(input.international_of(candidate));
  if (const auto* domestic = input.domestic_of(candidate)) {
    const Fit partner = profile.fit(*domestic);
    return profile.components(international, &partner);
  }
  return profile.components(international, nullptr);
}

Rankings rank_candidates(const MatchInput& input)
{
  // A student's list names openings, or companies for all their openings; a
  // company's list names students.
  const auto openings_by_id = indices_by_id(input.openings, [&](std::size_t opening) {
    return std::array<std::string_view, 2>{input.openings[opening]->id, input.companies[opening]->id};
  });
  const auto students_by_id = [](const std::vector<const model::Student*>& students) {
    return indices_by_id(students, [&](std::size_t student) { return std::array<std::string_view, 1>{students[student]->id}; });
  };
  const auto internationals_by_id = students_by_id(input.internationals);
  const auto domestics_by_id = students_by_id(input.domestics);
  const std::vector<int> nothing;
  const auto naming = [&](const std::unordered_map<std::string_view, std::vector<int>>& by_id) {
    return [&by_id, &nothing](const std::string& id) -> const std::vector<int>& {
      const auto found = by_id.find(id);
      return found == by_id.end() ? nothing : found->second;
    };
  };
  const auto preferences_of = [](const auto& party) -> const std::vector<std::string>& { return party.preferences; };
  const StatedPlaces international_lists(input.internationals, preferences_of, naming(openings_by_id));
  const StatedPlaces domestic_lists(input.domestics, preferences_of, naming(openings_by_id));
  const StatedPlaces company_internationals(input.companies, preferences_of, naming(internationals_by_id));
  const StatedPlaces company_domestics(input.companies, preferences_of, naming(domestics_by_id));

  const auto& candidates = input.problem.candidates;
  const auto of = [&](int index) -> const Candidate& { return candidates[at(index)]; };
  Rankings rankings;
  const auto count = candidates.size();
  rankings.international = positions_by_party(
    count, input.internationals.size(), [&](int index) { return at(of(index).international); }, [&](int index) {
      const auto& candidate = of(index);
      return std::pair(international_lists.of(at(candidate.international), candidate.opening), -candidate.score);
    }).position;
  // The three rankings are independent: the openings' (the longest keys) on a
  // second core while this one ranks for the students.
  auto by_opening = std::async(std::launch::async, [&] {
    return positions_by_party(
      count, input.openings.size(), [&](int index) { return at(of(index).opening); }, [&](int index) {
        const auto& candidate = of(index);
        const auto company = at(candidate.opening); // input.companies is by opening
        return std::tuple(company_internationals.of(company, candidate.international),
                          candidate.domestic == solo ? LONG_MAX : company_domestics.of(company, candidate.domestic),
                          -candidate.score);
      }).position;
  });
  // Solo candidates are never compared by a partner: one group of their own.
  const auto no_partner = input.domestics.size();
  rankings.domestic = positions_by_party(
    count, no_partner + 1,
    [&](int index) { return of(index).domestic == solo ? no_partner : at(of(index).domestic); }, [&](int index) {
      const auto& candidate = of(index);
      return std::pair(candidate.domestic == solo ? LONG_MAX : domestic_lists.of(at(candidate.domestic), candidate.opening),
                       -candidate.score);
    }).position;
  rankings.opening = by_opening.get();
  return rankings;
}

} // namespace tandem::match
