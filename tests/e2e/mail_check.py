"""Reads the messages a local SMTP server (aiosmtpd's Mailbox handler) stored
in a Maildir, with Python's email package (independent of tandem), and prints
one line per message, sorted:
X-Tandem-Reminder|To address|decoded Subject|Auto-Submitted|charset
then the Message-IDs, one per line, after a line `--`. Exits non-zero when a
message lacks Date or Message-ID.

usage: /usr/bin/python3 mail_check.py MAILDIR
"""
import email.policy
import email.utils
import mailbox
import sys


def main():
    lines = []
    ids = []
    for message in mailbox.Maildir(sys.argv[1], factory=None, create=False):
        parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        assert parsed["Date"] is not None and email.utils.parsedate_to_datetime(parsed["Date"]) is not None
        assert parsed["Message-ID"] is not None
        address = email.utils.parseaddr(str(parsed["To"]))[1]
        lines.append("|".join([str(parsed["X-Tandem-Reminder"]), address, str(parsed["Subject"]).strip(),  # the folding white space after "Subject:" is not text
                               str(parsed["Auto-Submitted"]), parsed.get_content_charset()]))
        ids.append(str(parsed["Message-ID"]))
    for line in sorted(lines):
        print(line)
    print("--")
    for message_id in sorted(ids):
        print(message_id)


if __name__ == "__main__":
    main()
