"""Reads the messages a local SMTP server (aiosmtpd's Mailbox handler) stored
in a Maildir, with Python's email package (independent of tandem), and prints
one line per message, sorted:
X-Tandem-Reminder|To address|decoded Subject|Auto-Submitted|charset
then the Message-IDs, one per line, after a line `--`. Exits non-zero when a
message lacks Date or Message-ID.

With --greetings, one line per message, sorted, and nothing else:
X-Tandem-Reminder|To address|decoded Subject|first line of the body|encoded or plain
where the last says whether the raw Subject header is RFC 2047 encoded words.

usage: /usr/bin/python3 mail_check.py MAILDIR [--greetings]
"""
import email.policy
import email.utils
import mailbox
import sys


def main():
    lines = []
    ids = []
    greetings = len(sys.argv) > 2 and sys.argv[2] == "--greetings"
    for message in mailbox.Maildir(sys.argv[1], factory=None, create=False):
        raw = message.as_bytes()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        if greetings:
            raw_subject = email.message_from_bytes(raw, policy=email.policy.compat32)["Subject"]
            body = parsed.get_content()
            lines.append("|".join([str(parsed["X-Tandem-Reminder"]), email.utils.parseaddr(str(parsed["To"]))[1],
                                   str(parsed["Subject"]).strip(), body.split("\n", 1)[0],
                                   "encoded" if "=?UTF-8?" in str(raw_subject) else "plain"]))
            continue
        assert parsed["Date"] is not None and email.utils.parsedate_to_datetime(parsed["Date"]) is not None
        assert parsed["Message-ID"] is not None
        address = email.utils.parseaddr(str(parsed["To"]))[1]
        lines.append("|".join([str(parsed["X-Tandem-Reminder"]), address, str(parsed["Subject"]).strip(),  # the folding white space after "Subject:" is not text
                               str(parsed["Auto-Submitted"]), parsed.get_content_charset()]))
        ids.append(str(parsed["Message-ID"]))
    for line in sorted(lines):
        print(line)
    if greetings:
        return
    print("--")
    for message_id in sorted(ids):
        print(message_id)


if __name__ == "__main__":
    main()
