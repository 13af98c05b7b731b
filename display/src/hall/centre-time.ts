/** A moment as the centre's wall clock shows it. month and weekday count from 0, as Date does. */
export interface CentreTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * Reads the centre's date and time with Intl's timeZone (so the screen's own zone does not matter)
 * as plain numbers; the words around them come from our dictionary, not from the browser's locale
 * data, which in Chromium's build has no Azerbaijani month names.
 */
export function centreClock(timeZone: string): (at: Date) => CentreTime {
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
  } catch {
    // An unknown zone name must not blank the screen; the device's own zone is the best guess.
    format = new Intl.DateTimeFormat("en-US", options);
  }
  return (at) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(at)) parts[part.type] = part.value;
    return {
      year: Number(parts.year),
      month: Number(parts.month) - 1,
      day: Number(parts.day),
      weekday: Math.max(0, WEEKDAYS.indexOf(parts.weekday ?? "")),
      hour: Number(parts.hour) % 24,
      minute: Number(parts.minute),
    };
  };
}

export function clockText({ hour, minute }: CentreTime): string {
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
