"""Reads iCalendar text from stdin with Python's icalendar library, a reader independent of Ical.Net,
and prints what it read as JSON: per VEVENT its summary, start with time zone, rule and the first
start times the rule gives (expanded by dateutil in the event's own zone, shown in UTC)."""
import json
import sys
from datetime import timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

EXPANDED = 6


def first_starts(start, tzid, rule):
    # Times are either in a named zone (TZID) or in UTC ("Z"); Plenum writes no floating times.
    start = start.replace(tzinfo=ZoneInfo(tzid) if tzid else timezone.utc)
    if rule is None:
        return [start.astimezone(timezone.utc).isoformat()]
    starts = rrulestr(rule, dtstart=start)
    return [s.astimezone(timezone.utc).isoformat() for _, s in zip(range(EXPANDED), starts)]


def main():
    calendar = Calendar.from_ical(sys.stdin.read())
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.get("dtstart")
        tzid = start.params.get("TZID")
        rule = event.get("rrule").to_ical().decode() if event.get("rrule") else None
        events.append({
            "uid": str(event.get("uid")),
            "summary": str(event.get("summary")),
            "location": str(event.get("location")) if event.get("location") else None,
            "start": start.dt.replace(tzinfo=None).isoformat(),
            "tzid": tzid,
            "utc": start.dt.tzinfo is not None and start.dt.utcoffset().total_seconds() == 0 and tzid is None,
            "rrule": rule,
            "status": str(event.get("status")),
            "sequence": int(event.get("sequence", 0)),
            "starts": first_starts(start.dt.replace(tzinfo=None), tzid, rule),
        })
    print(json.dumps({
        "name": str(calendar.get("x-wr-calname")) if calendar.get("x-wr-calname") else None,
        "timezones": [str(tz.get("tzid")) for tz in calendar.walk("VTIMEZONE")],
        "events": events,
    }))


main()
