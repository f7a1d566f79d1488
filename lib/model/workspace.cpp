#include "model/workspace.hpp"

#include <algorithm>

namespace tandem::model {

std::string Student::display_name() const
{
  const std::string name = first_name.empty() || last_name.empty() ? first_name + last_name
                                                                   : first_name + " " + last_name;
  return name.empty() ? id : name + " (" + id + ")";
}

std::optional<Level> Student::level_in(std::string_view language) const
{
  std::optional<Level> best;
  for (const auto& skill : languages) {
    if (skill.code == language) {
      best = std::max(best.value_or(skill.level), skill.level);
    }
  }
  if (language == "fi" && finnish_certified) {
    best = std::max(best.value_or(*finnish_certified), *finnish_certified);
  }
  return best;
}

bool Placement::is_real() const
{
  return status == PlacementStatus::confirmed || status == PlacementStatus::started
         || status == PlacementStatus::completed;
}

std::vector<FollowUp> default_follow_ups()
{
  using enum RecipientRole;
  const std::vector<RecipientRole> everyone{students, company, staff};
  return {
    {"agreement", "Placement agreement signed", FollowUpKind::deadline, FollowUpAnchor::start, -5, everyone},
    {"first-week-call", "First-week call", FollowUpKind::check_in, FollowUpAnchor::start, 4, everyone},
    {"midpoint-visit", "Mid-point visit", FollowUpKind::check_in, FollowUpAnchor::middle, 0, everyone},
    {"final-feedback", "Final feedback round", FollowUpKind::check_in, FollowUpAnchor::end, -2, everyone},
    {"student-report", "Student's placement report due", FollowUpKind::deadline, FollowUpAnchor::end, 10,
     {students, staff}},
  };
}

} // namespace tandem::model
