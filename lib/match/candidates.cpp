#include "match/candidates.hpp"

#include "io/error.hpp"
#include "match/rules.hpp"
#include "match/scoring.hpp"
#include "match/stable.hpp"
#include "report/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <future>
#include <thread>
#include <numeric>
#include <tuple>
#include <string_view>
#include <unordered_set>

namespace tandem::match {

namespace {

std::size_t at(int index) { return static_cast<std::size_t>(index); }

bool contains(const std::vector<std::string>& list, const std::string& item)
{
  return std::find(list.begin(), list.end(), item) != list.end();
}

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
  const auto in_term = [&](const model::Opening& opening) {
    return window.from <= opening.start && opening.start <= window.to;
  };

  for (const auto& id : request.excludes) {
    if (workspace.find_student(id) == nullptr && workspace.find_opening(id) == nullptr) {
      throw Error(fmt::format("--exclude {}: no student or opening has this id", id));
    }
  }
  for (const auto& id : request.locks) {
    const auto placement = std::find_if(workspace.placements.begin(), workspace.placements.end(),
                                        [&](const model::Placement& row) { return row.id == id; });
    if (placement == workspace.placements.end()) {
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
      const bool replaceable = opening != nullptr && in_term(*opening) && !contains(request.locks, placement.id);
      fate = replaceable ? RowFate::replaced : RowFate::kept;
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
    const bool excluded = contains(request.excludes, student.id);
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
      if (in_term(opening) && !contains(request.excludes, opening.id) && free > 0) {
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

// Rule 7 for every pair of the run, worked out once (it does not depend on the opening).
std::vector<char> shared_languages(const MatchInput& input)
{
  const auto& level = input.workspace->project->matching.common_language;
  std::vector<char> shares(input.internationals.size() * input.domestics.size(), 0);
  for (std::size_t international = 0; international < input.internationals.size(); ++international) {
    for (std::size_t domestic = 0; domestic < input.domestics.size(); ++domestic) {
      shares[international * input.domestics.size() + domestic]
        = share_language(*input.internationals[international], *input.domestics[domestic], level) ? 1 : 0;
    }
  }
  return shares;
}

// The candidates at openings [first, last), in opening order.
std::vector<Candidate> candidates_at(const MatchInput& input, const std::vector<char>& shares, std::size_t first,
                                     std::size_t last)
{
  const auto& settings = input.workspace->project->matching;
  std::vector<Candidate> candidates;
  for (std::size_t opening_index = first; opening_index < last; ++opening_index) {
    const auto& opening = *input.openings[opening_index];
    const auto& company = *input.companies[opening_index];
    const OpeningProfile profile(opening, company, settings);

    std::vector<std::pair<std::size_t, Fit>> domestic_fits;
    if (takes_pairs(opening)) {
      for (std::size_t domestic = 0; domestic < input.domestics.size(); ++domestic) {
        if (passes_own_rules(input, *input.domestics[domestic], opening, company)) {
          domestic_fits.emplace_back(domestic, profile.fit(*input.domestics[domestic]));
        }
      }
    }
    for (std::size_t international = 0; international < input.internationals.size(); ++international) {
      const auto& student = *input.internationals[international];
      if (!passes_own_rules(input, student, opening, company)) {
        continue;
      }
      const Fit fit = profile.fit(student);
      const auto add = [&](int domestic, const Fit* partner) {
        candidates.push_back({static_cast<int>(international), domestic, static_cast<int>(opening_index),
                              profile.components(fit, partner).total()});
      };
      if (takes_solo(opening) && profile.requirements_met(fit, nullptr)) {
        add(solo, nullptr);
      }
      const char* shares_row = shares.data() + international * input.domestics.size();
      for (const auto& [domestic, partner] : domestic_fits) {
        if (shares_row[domestic] != 0 && profile.requirements_met(fit, &partner)) {
          add(static_cast<int>(domestic), &partner);
        }
      }
    }
  }
  return candidates;
}

} // namespace

void add_scored_candidates(MatchInput& input)
{
  const auto shares = shared_languages(input);
  // Openings split into one run of consecutive openings per core; the parts are
  // joined in opening order, so the result does not depend on the cores.
  const std::size_t parts = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t per_part = (input.openings.size() + parts - 1) / parts;
  std::vector<std::future<std::vector<Candidate>>> pending;
  for (std::size_t first = 0; first < input.openings.size(); first += per_part) {
    const std::size_t last = std::min(input.openings.size(), first + per_part);
    pending.push_back(std::async(std::launch::async, [&input, &shares, first, last] {
      return candidates_at(input, shares, first, last);
    }));
  }
  for (auto& part : pending) {
    const auto candidates = part.get();
    input.problem.candidates.insert(input.problem.candidates.end(), candidates.begin(), candidates.end());
  }
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
    input.problem.candidates.push_back({international_index, domestic_index, opening_index, row.score});
  }
}

namespace {

long stated_rank(const std::vector<std::string>& ranked, std::initializer_list<std::string_view> ids)
{
  for (std::size_t place = 0; place < ranked.size(); ++place) {
    if (std::find(ids.begin(), ids.end(), ranked[place]) != ids.end()) {
      return static_cast<long>(place);
    }
  }
  return LONG_MAX;
}

// Positions of the candidates in the order of `key` (a tuple, lower is better).
template <typename Key>
std::vector<long> positions(std::size_t count, const Key& key)
{
  std::vector<int> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return std::tuple(key(a), a) < std::tuple(key(b), b);
  });
  std::vector<long> position(count);
  for (std::size_t place = 0; place < order.size(); ++place) {
    position[at(order[place])] = static_cast<long>(place);
  }
  return position;
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
  const auto& candidates = input.problem.candidates;
  const auto of = [&](int index) -> const Candidate& { return candidates[at(index)]; };
  Rankings rankings;
  rankings.international = positions(candidates.size(), [&](int index) {
    const auto& opening = input.opening_of(of(index));
    return std::pair(stated_rank(input.international_of(of(index)).preferences,
                                 {opening.id, input.company_of(of(index)).id}),
                     -of(index).score);
  });
  rankings.opening = positions(candidates.size(), [&](int index) {
    const auto& preferences = input.company_of(of(index)).preferences;
    const auto* domestic = input.domestic_of(of(index));
    return std::tuple(stated_rank(preferences, {input.international_of(of(index)).id}),
                      domestic ? stated_rank(preferences, {domestic->id}) : LONG_MAX, -of(index).score);
  });
  rankings.domestic = positions(candidates.size(), [&](int index) {
    const auto* domestic = input.domestic_of(of(index));
    const auto& opening = input.opening_of(of(index));
    return std::pair(domestic ? stated_rank(domestic->preferences, {opening.id, input.company_of(of(index)).id})
                              : LONG_MAX,
                     -of(index).score);
  });
  return rankings;
}

} // namespace tandem::match
