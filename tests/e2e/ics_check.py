"""Reads an iCalendar file with python3-icalendar (a real parser, independent
of tandem) and prints one line per VEVENT, sorted:
UID|start|end|SEQUENCE|STATUS|SUMMARY
where a timed start or end is given in UTC (2025-05-14T11:00Z) after the parser
applied the file's VTIMEZONE, and an all-day one as a date. Exits non-zero when
the file does not parse, a UID repeats, or a timed item's zone lacks a VTIMEZONE.

usage: /usr/bin/python3 ics_check.py FILE
"""
import datetime
import sys

import icalendar


def moment(value):
    if isinstance(value, datetime.datetime):
        assert value.tzinfo is not None, "a timed item without a time zone"
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    return value.isoformat()


def main():
    calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    lines = []
    uids = set()
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in uids, "UID twice: " + uid
        uids.add(uid)
        assert "DTSTAMP" in event, uid
        start = event["DTSTART"]
        tzid = start.params.get("TZID")
        assert tzid is None or tzid in zones, "no VTIMEZONE for " + tzid
        end = moment(event["DTEND"].dt) if "DTEND" in event else ""
        lines.append("|".join([uid, moment(start.dt), end, str(event["SEQUENCE"]), str(event["STATUS"]),
                               str(event["SUMMARY"])]))
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
