import type { Language } from "@dost/shared";
import { useEffect, useMemo, useState } from "react";
import { LOCALES } from "../i18n/messages.js";

function formatters(timeZone: string, lang: Language) {
  const locale = LOCALES[lang];
  const make = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // An unknown zone name must not blank the screen; the device's own zone is the best guess.
      return new Intl.DateTimeFormat(locale, options);
    }
  };
  return {
    date: make({ weekday: "long", day: "numeric", month: "long", year: "numeric" }),
    time: make({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  };
}

/** Date and time in the centre's timezone, whatever zone the screen's computer is set to. */
export function CentreClock({ timeZone, lang }: { timeZone: string; lang: Language }) {
  const [now, setNow] = useState(() => Date.now());
  const format = useMemo(() => formatters(timeZone, lang), [timeZone, lang]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const at = new Date(now);
  return (
    <div className="clock">
      <time className="clock-time" dateTime={at.toISOString()}>
        {format.time.format(at)}
      </time>
      <span className="clock-date">{format.date.format(at)}</span>
    </div>
  );
}
