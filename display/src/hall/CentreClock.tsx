import { useEffect, useMemo, useState } from "react";
import type { Messages } from "../i18n/messages.js";
import { centreClock, clockText } from "./centre-time.js";

/** Date and time in the centre's timezone, whatever zone the screen's computer is set to. */
export function CentreClock({ timeZone, t }: { timeZone: string; t: Messages }) {
  const [now, setNow] = useState(() => Date.now());
  const read = useMemo(() => centreClock(timeZone), [timeZone]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const at = new Date(now);
  const local = read(at);
  return (
    <div className="clock">
      <time className="clock-time" dateTime={at.toISOString()}>
        {clockText(local)}
      </time>
      <span className="clock-date">{t.longDate(local)}</span>
    </div>
  );
}
