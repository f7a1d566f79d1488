#pragma once

#include "report/indicators.hpp"
#include "report/period.hpp"
#include "workspace/load.hpp"

#include <optional>
#include <string>
#include <vector>

// The project's own feedback figures (docs/indicators.md, "Feedback"): the
// feedback rounds of the real placements that ended in the period, by role
// (international, domestic, company). Comments are never counted or shown.
namespace tandem::report {


// Per role: asked (the people of the placements), responded, response_rate; per
// rating (overall, learning, pair_work): mean and the count of each score 1-5;
// for companies, would_repeat yes / no and the share of yes.
std::vector<FeedbackFigure> feedback_figures(const workspace::Workspace& workspace, const Period& period);

// --public: counts of 1 to threshold-1 people are shown as "<threshold"; a
// ratio made from fewer than threshold answers, and the cells that with a shown
// total would give a small one away, are hidden (docs/indicators.md says how).
// Returns the keys hidden: primary (small counts) then secondary.
void suppress_feedback(std::vector<FeedbackFigure>& figures, int threshold, SuppressedPaths& suppressed);

// A figure as text: a count, "<N", "x", a mean with one decimal, a share in percent.
std::string feedback_text(const FeedbackFigure& figure, std::optional<int> threshold);

} // namespace tandem::report
