#include "report/follow_ups.hpp"

namespace tandem::report {

std::vector<OutcomeFollowUp> outcome_follow_ups(const ActivityLog& log, const OutcomesByStudent& outcomes,
                                                model::Date today)
{
  std::vector<OutcomeFollowUp> follow_ups;
  for (const auto& participant : log.participants()) {
    const long since_leaving = model::days_between(participant.leaving, today);
    const auto add = [&](FollowUpNeed need, FollowUpWindow window) {
      follow_ups.push_back({&participant, need, model::plus_days(participant.leaving, window.due),
                            model::plus_days(participant.leaving, window.closes), since_leaving > window.closes});
    };
    if (since_leaving >= k_upon_leaving_window.due || since_leaving >= k_six_months_window.due) {
      const Results results = results_of(participant, outcomes.of(*participant.summary));
      if (since_leaving >= k_upon_leaving_window.due && results.upon_leaving == nullptr) {
        add(FollowUpNeed::upon_leaving, k_upon_leaving_window);
      }
      if (since_leaving >= k_six_months_window.due && results.six_months == nullptr) {
        add(FollowUpNeed::six_months, k_six_months_window);
      }
    }
    const long quiet_days = model::days_between(participant.last_activity, today);
    if (!participant.summary->left && quiet_days > k_no_activity_days) {
      const auto due = model::plus_days(participant.last_activity, k_no_activity_days + 1);
      follow_ups.push_back({&participant, FollowUpNeed::no_activity, due, due, true});
    }
  }
  return follow_ups;
}

} // namespace tandem::report
