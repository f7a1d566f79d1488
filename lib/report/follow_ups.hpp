#pragma once

#include "model/values.hpp"
#include "report/participation.hpp"

#include <vector>

// Whose outcome staff should follow up, and when (docs/indicators.md,
// "Follow-ups"): the funder reads a leaver's status four weeks and six months
// after leaving (cli.md's result windows), and a participant who has gone quiet
// should get a `left` date so that those follow-ups start at all. `check` warns of
// the overdue ones, `status` lists the due and the overdue, and `schedule remind`
// reminds staff when they fall due.
namespace tandem::report {

enum class FollowUpNeed {
  upon_leaving, // the four-week outcome (results upon leaving)
  six_months,   // the six-month outcome (longer-term results)
  no_activity,  // no `left` and no activity for six months: record when they left
};

struct OutcomeFollowUp {
  const Participant* participant;
  FollowUpNeed need;
  model::Date due;     // from this day staff are asked (the reminder's day)
  model::Date closes;  // the last day a row still counts; after it the follow-up is overdue
  bool overdue = false;
};

// The days of the follow-up windows, counted from the leaving day.
struct FollowUpWindow {
  long due;    // the day staff are asked
  long closes; // the last day whose row counts
};
constexpr FollowUpWindow k_upon_leaving_window{21, 28};  // rows of days 0..28 count; a week's notice
constexpr FollowUpWindow k_six_months_window{153, 213};  // days 153..183, or late until 213
constexpr long k_no_activity_days = 183;                 // "no activity for six months"

// The follow-ups due or overdue on `today`, in roster order, each participant's
// in the order of FollowUpNeed. A follow-up whose outcome is recorded is not listed.
std::vector<OutcomeFollowUp> outcome_follow_ups(const ActivityLog& log, const OutcomesByStudent& outcomes,
                                                model::Date today);

} // namespace tandem::report
