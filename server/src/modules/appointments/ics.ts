import type { LocalizedText } from "@dost/shared";

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
/** RFC 5545 text escaping. */
const text = (s: string): string =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");

/** An "add to calendar" file for an appointment (RFC 5545), in the citizen's language. */
export function appointmentIcs(args: {
  code: string;
  start: Date;
  end: Date;
  centre: LocalizedText;
  service: LocalizedText;
  language: keyof LocalizedText;
  now: Date;
}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//DOST//Queue and appointments//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${args.code}@dost-appointments`,
    `DTSTAMP:${stamp(args.now)}`,
    `DTSTART:${stamp(args.start)}`,
    `DTEND:${stamp(args.end)}`,
    `SUMMARY:${text(`DOST — ${args.service[args.language]}`)}`,
    `LOCATION:${text(args.centre[args.language])}`,
    `DESCRIPTION:${text(`${args.code}`)}`,
    "BEGIN:VALARM",
    "TRIGGER:-PT1H",
    "ACTION:DISPLAY",
    `DESCRIPTION:${text(`DOST ${args.code}`)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.join("\r\n") + "\r\n";
}
