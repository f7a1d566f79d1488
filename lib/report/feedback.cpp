#include "report/feedback.hpp"

#include "schedule/items.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>

namespace tandem::report {

namespace {

constexpr std::array<model::FeedbackRole, 3> k_roles{model::FeedbackRole::international, model::FeedbackRole::domestic,
                                                     model::FeedbackRole::company};
constexpr std::array<std::string_view, 3> k_ratings{"overall", "learning", "pair_work"};

std::optional<int> rating(const model::Feedback& row, std::string_view which)
{
  return which == "overall" ? row.overall : which == "learning" ? row.learning : row.pair_work;
}

bool is_small(const FeedbackFigure& figure, int threshold)
{
  return figure.count && *figure.count >= 1 && *figure.count < threshold;
}

} // namespace

std::vector<FeedbackFigure> feedback_figures(const workspace::Workspace& workspace, const Period& period)
{
  // The placements of the round: real, ending in the period.
  std::map<std::string, const model::Placement*> in_round;
  std::map<model::FeedbackRole, long> asked;
  for (const auto& placement : workspace.placements) {
    const auto span = schedule::placement_days(workspace, placement);
    if (placement.is_real() && span.last && period.contains(*span.last)) {
      in_round.emplace(placement.id, &placement);
      ++asked[model::FeedbackRole::international];
      ++asked[model::FeedbackRole::company];
      if (!placement.domestic_id.empty()) {
        ++asked[model::FeedbackRole::domestic];
      }
    }
  }
  std::vector<FeedbackFigure> figures;
  for (const auto role : k_roles) {
    std::vector<const model::Feedback*> answers;
    for (const auto& row : workspace.feedback) {
      if (row.role == role && in_round.count(row.placement_id) != 0) {
        answers.push_back(&row); // check guarantees one row per respondent and placement
      }
    }
    const std::string prefix(model::to_string(role));
    const long responded = static_cast<long>(answers.size());
    figures.push_back({prefix + ".asked", asked[role], std::nullopt, false});
    figures.push_back({prefix + ".responded", responded, std::nullopt, false});
    figures.push_back({prefix + ".response_rate", std::nullopt,
                       asked[role] > 0 ? std::optional(static_cast<double>(responded) / static_cast<double>(asked[role]))
                                       : std::nullopt,
                       true});
    for (const auto which : k_ratings) {
      std::array<long, 5> scores{};
      long sum = 0;
      long rated = 0;
      for (const auto* row : answers) {
        if (const auto value = rating(*row, which)) {
          ++scores[static_cast<std::size_t>(*value - 1)];
          sum += *value;
          ++rated;
        }
      }
      const std::string key = prefix + "." + std::string(which);
      figures.push_back({key + ".mean", std::nullopt,
                         rated > 0 ? std::optional(static_cast<double>(sum) / static_cast<double>(rated)) : std::nullopt,
                         false});
      for (std::size_t score = 0; score < scores.size(); ++score) {
        figures.push_back({fmt::format("{}.{}", key, score + 1), scores[score], std::nullopt, false});
      }
    }
    if (role == model::FeedbackRole::company) {
      long yes = 0;
      long no = 0;
      for (const auto* row : answers) {
        if (row->would_repeat) {
          ++(*row->would_repeat ? yes : no);
        }
      }
      figures.push_back({prefix + ".would_repeat.yes", yes, std::nullopt, false});
      figures.push_back({prefix + ".would_repeat.no", no, std::nullopt, false});
      figures.push_back({prefix + ".would_repeat.share", std::nullopt,
                         yes + no > 0 ? std::optional(static_cast<double>(yes) / static_cast<double>(yes + no))
                                      : std::nullopt,
                         true});
    }
  }
  return figures;
}

void suppress_feedback(std::vector<FeedbackFigure>& figures, int threshold, SuppressedPaths& suppressed)
{
  if (figures.empty()) {
    return; // a report made by hand (tests): no feedback figures at all
  }
  std::map<std::string, FeedbackFigure*> by_key;
  for (auto& figure : figures) {
    by_key[figure.key] = &figure;
    if (is_small(figure, threshold)) {
      figure.shown = Cell::Shown::below_threshold;
    }
  }
  const auto hide = [](FeedbackFigure* figure) { // a zero, or a ratio nobody answered for, tells nothing
    const bool nothing = figure->count ? *figure->count == 0 : !figure->ratio;
    if (figure->shown == Cell::Shown::value && !nothing) {
      figure->shown = Cell::Shown::hidden;
    }
  };
  for (const auto role : k_roles) {
    const std::string prefix(model::to_string(role));
    // Responded times the rate is the responded count; a mean over few people is theirs.
    if (by_key[prefix + ".responded"]->shown != Cell::Shown::value
        || by_key[prefix + ".asked"]->shown != Cell::Shown::value) {
      hide(by_key[prefix + ".response_rate"]);
    }
    for (const auto which : k_ratings) {
      const std::string key = prefix + "." + std::string(which);
      long rated = 0;
      bool any_small = false;
      for (int score = 1; score <= 5; ++score) {
        const auto* cell = by_key[fmt::format("{}.{}", key, score)];
        rated += *cell->count;
        any_small = any_small || cell->shown == Cell::Shown::below_threshold;
      }
      // With the number who answered shown, one small score among shown ones could be worked
      // out: the whole distribution is hidden instead (zeros stay), and the mean with it,
      // which ties the scores together (tests/e2e/audit_public_report.py checks both).
      if (rated < threshold || any_small) {
        hide(by_key[key + ".mean"]);
      }
      if (any_small) {
        for (int score = 1; score <= 5; ++score) {
          hide(by_key[fmt::format("{}.{}", key, score)]);
        }
      }
    }
  }
  auto* yes = by_key["company.would_repeat.yes"];
  auto* no = by_key["company.would_repeat.no"];
  if (yes->shown != Cell::Shown::value || no->shown != Cell::Shown::value) {
    hide(yes);
    hide(no);
    hide(by_key["company.would_repeat.share"]);
  }
  for (const auto& figure : figures) {
    if (figure.shown == Cell::Shown::below_threshold) {
      suppressed.primary.push_back("feedback." + figure.key);
    } else if (figure.shown == Cell::Shown::hidden) {
      suppressed.secondary.push_back("feedback." + figure.key);
    }
  }
}

std::string feedback_text(const FeedbackFigure& figure, std::optional<int> threshold)
{
  switch (figure.shown) {
  case Cell::Shown::below_threshold:
    return fmt::format("<{}", threshold.value_or(0));
  case Cell::Shown::hidden:
    return "x";
  case Cell::Shown::value:
    break;
  }
  if (figure.count) {
    return std::to_string(*figure.count);
  }
  if (!figure.ratio) {
    return "";
  }
  return figure.share ? fmt::format("{} %", std::lround(*figure.ratio * 100.0)) : fmt::format("{:.1f}", *figure.ratio);
}

} // namespace tandem::report
