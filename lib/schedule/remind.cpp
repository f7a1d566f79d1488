#include "schedule/remind.hpp"

#include "io/error.hpp"
#include "schedule/mail.hpp"
#include "schedule/reminders.hpp"

#include <fmt/format.h>

namespace tandem::schedule {

namespace {

class ReminderRun {
public:
  ReminderRun(const workspace::Workspace& workspace, const ProjectZone& zone, const MessageTemplates& templates,
              Ledger& ledger, MailTransport* transport, const RemindRequest& request)
    : m_project(*workspace.project), m_templates(templates), m_ledger(ledger), m_transport(transport),
      m_request(request),
      m_date(rfc5322_date(request.now, zone.utc_offset(request.now))),
      m_domain(address_domain(m_project.reminders.from)),
      m_project_tag(m_project.code.empty() ? m_project.name : m_project.code)
  {
  }

  void handle(const Reminder& reminder)
  {
    const long late = model::days_between(reminder.due, m_request.today);
    const std::string lateness = late > 0 ? fmt::format(", {} day{} late", late, late == 1 ? "" : "s") : "";
    if (reminder.too_late) {
      record_missed(reminder, lateness);
      return;
    }
    std::size_t sent = 0;
    std::size_t failed = 0;
    for (const auto& recipient : reminder.recipients) {
      if (m_ledger.contains(reminder.key, recipient.address)) {
        ++m_summary.already_done;
        continue;
      }
      const std::string id = message_id(m_project_tag, reminder.key, recipient.address, m_domain);
      switch (send(reminder, recipient, id)) {
      case SendResult::sent:
        m_ledger.record({reminder.key, recipient.address, LedgerStatus::sent, m_request.today, id});
        ++m_summary.sent;
        ++sent;
        break;
      case SendResult::failed:
        m_ledger.record({reminder.key, recipient.address, LedgerStatus::failed, m_request.today, id});
        ++failed;
        break;
      case SendResult::out_of_time:
        ++failed; // not the address's fault: nothing recorded
        break;
      }
    }
    if (sent == 0) {
      return;
    }
    m_summary.actions.push_back(fmt::format("{} {} (due {}) to {} recipient{}{}{}",
                                            m_request.dry_run ? "would send" : "sent",
                                            reminder.key, model::format_date(reminder.due), sent, sent == 1 ? "" : "s",
                                            lateness, failed > 0 ? fmt::format("; {} failed", failed) : ""));
  }

  RemindSummary take() { return std::move(m_summary); }

private:
  // A reminder nobody got is recorded as missed once, for all; one that some got
  // is recorded as missed for each recipient whose sends failed until its window
  // closed, so that the digest names them.
  void record_missed(const Reminder& reminder, const std::string& lateness)
  {
    const std::string_view verb = m_request.dry_run ? "would record as missed" : "recorded as missed";
    if (!m_ledger.has_key(reminder.key)) {
      m_ledger.record({reminder.key, std::string(k_all_recipients), LedgerStatus::missed, m_request.today, ""});
      ++m_summary.missed;
      m_summary.actions.push_back(
        fmt::format("{} {} (due {}){}", verb, reminder.key, model::format_date(reminder.due), lateness));
      return;
    }
    const auto never_reached = m_ledger.unreached(reminder.key);
    for (const auto& recipient : never_reached) {
      m_ledger.record({reminder.key, recipient, LedgerStatus::missed, m_request.today, ""});
    }
    if (never_reached.empty()) {
      ++m_summary.already_done; // sent to everyone in time, or recorded as missed before
      return;
    }
    ++m_summary.missed;
    m_summary.actions.push_back(fmt::format("{} {} (due {}) for {}{}", verb, reminder.key,
                                            model::format_date(reminder.due), fmt::join(never_reached, ", "),
                                            lateness));
  }

  enum class SendResult { sent, failed, out_of_time };

  SendResult send(const Reminder& reminder, const Mailbox& recipient, const std::string& id)
  {
    if (m_transport == nullptr) {
      return SendResult::sent; // a dry run without an outbox only says what it would send
    }
    if (std::chrono::steady_clock::now() >= m_request.deadline) {
      if (!m_out_of_time) {
        m_out_of_time = true;
        m_summary.failures.push_back(fmt::format(
          "the run's time (reminders.run_timeout, {} s) ran out: the messages still due are left for the next run",
          m_project.reminders.run_timeout_seconds));
      }
      ++m_summary.unsent;
      return SendResult::out_of_time;
    }
    MessageFields fields = reminder.fields;
    fields.values.insert_or_assign("project", m_project.name);
    fields.values.insert_or_assign("from", m_project.reminders.from);
    const Message message = m_templates.render(reminder.kind, recipient.language, fields, recipient.name);
    MailContent content{m_project.reminders.from, recipient, message.subject, message.body, reminder.key, id};
    std::string problem;
    if (m_transport->deliver({recipient.address, id, compose_message(content, m_date)}, problem)) {
      return SendResult::sent;
    }
    m_summary.failures.push_back(
      fmt::format("reminder {} to {} was not sent: {}; the next run tries again", reminder.key, recipient.address,
                  problem));
    ++m_summary.unsent;
    return SendResult::failed;
  }

  const model::Project& m_project;
  const MessageTemplates& m_templates;
  Ledger& m_ledger;
  MailTransport* m_transport;
  const RemindRequest& m_request;
  std::string m_date;
  std::string m_domain;
  std::string m_project_tag;
  bool m_out_of_time = false; // said once: the run's time ran out
  RemindSummary m_summary;
};

} // namespace

RemindSummary run_reminders(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                            const ProjectZone& zone, const MessageTemplates& templates, Ledger& ledger,
                            MailTransport* transport, const RemindRequest& request)
{
  const auto& project = *workspace.project;
  if (project.reminders.from.empty()) {
    throw Error("tandem.yaml: reminders.from is needed to send reminders, e.g. "
                "from: \"Career Services <career@example.fi>\"");
  }
  ReminderRun run(workspace, zone, templates, ledger, transport, request);
  for (const auto& reminder : reminders_due(workspace, items, zone, request.today)) {
    run.handle(reminder);
  }
  // Last, so that the digest lists what this run recorded as missed.
  for (const auto monday : digest_mondays(project, request.today)) {
    run.handle(weekly_digest(workspace, items, zone, ledger, monday, request.today));
  }
  return run.take();
}

} // namespace tandem::schedule
