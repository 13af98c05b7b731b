import type { Centre, Service } from "@dost/shared";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { fetchCalendar, type CalendarDay } from "../api/appointments.js";
import { useLoad } from "../api/useLoad.js";
import { useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { Loading } from "../ui/Loading.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import {
  addMonths,
  dateForKey,
  datesOfMonth,
  formatLongDate,
  formatMonth,
  monthOf,
  weekColumn,
  type Month,
} from "./dates.js";

/** A browser whose clock is off by months finds the bookable months in at most this many hops. */
const MAX_HOPS = 24;

export function dayStatusText(t: Messages, day: CalendarDay): string {
  switch (day.status) {
    case "open":
      return t.booking.dayOpen(day.available);
    case "full":
      return t.booking.dayFull;
    case "closed":
      return t.booking.dayClosed;
    case "past":
      return t.booking.dayPast;
    case "beyond_window":
      return t.booking.dayBeyond;
  }
}

/** The month's dates in rows of Monday-first weeks, blanks before the 1st and after the last. */
function weeksOf(dates: string[]): (string | null)[][] {
  const cells: (string | null)[] = [...Array<null>(weekColumn(dates[0] ?? "")).fill(null), ...dates];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/**
 * A month of days, each marked with whether it has room, as the server says. It is an ARIA grid:
 * one day is in the tab order and the arrow keys move between days (into the next or previous
 * month too); days without room stay focusable, so their label can say why they cannot be chosen.
 */
export function MonthCalendar(props: {
  centre: Centre;
  service: Service;
  month: Month;
  chosen: string | null;
  onMonthChange(month: Month): void;
  onChoose(date: string): void;
}) {
  const { centre, service, month, chosen, onMonthChange } = props;
  const { t } = useI18n();
  const headingId = useId();
  const dates = datesOfMonth(month);
  const calendar = useLoad(`${centre.id}/${service.id}/${month}`, () =>
    fetchCalendar(centre.id, service.id, dates[0] ?? `${month}-01`, dates.length),
  );
  const [focusDate, setFocusDate] = useState<string | null>(chosen);
  const grid = useRef<HTMLTableElement>(null);
  const moveFocus = useRef(false);
  const hops = useRef(0);

  const days = calendar.status === "ready" ? calendar.data : null;
  const dayOf = new Map(days?.map((d) => [d.date, d]));
  const canGoBack = days !== null && days[0]?.status !== "past";
  const canGoOn = days !== null && days.at(-1)?.status !== "beyond_window";
  const firstOpen = days?.find((d) => d.status === "open")?.date;
  const tabDate = [focusDate, chosen, firstOpen].find((d) => d && monthOf(d) === month) ?? dates[0];

  // The device's clock only guessed the month; when the server says none of it can be booked,
  // move towards the months that can (a phone set to the wrong year still lands on them).
  useEffect(() => {
    if (!days || hops.current >= MAX_HOPS) return;
    const nothingLeft = days.every((d) => d.status === "past" || d.status === "closed");
    if (nothingLeft && days.at(-1)?.status !== "beyond_window") {
      hops.current += 1;
      onMonthChange(addMonths(month, 1));
    } else if (days.every((d) => d.status === "beyond_window")) {
      hops.current += 1;
      onMonthChange(addMonths(month, -1));
    }
  }, [days, month, onMonthChange]);

  useEffect(() => {
    if (!moveFocus.current || !days) return;
    const button = grid.current?.querySelector<HTMLButtonElement>(`[data-date="${tabDate}"]`);
    if (!button) return;
    moveFocus.current = false;
    button.focus();
  });

  const goToMonth = (next: Month) => {
    hops.current = MAX_HOPS; // the visitor steers now
    onMonthChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const from = (event.target as HTMLElement).dataset.date;
    const target = from ? dateForKey(event.key, from) : null;
    if (!target) return;
    event.preventDefault();
    const direction = monthOf(target) < month ? -1 : monthOf(target) > month ? 1 : 0;
    if ((direction < 0 && !canGoBack) || (direction > 0 && !canGoOn)) return;
    moveFocus.current = true;
    setFocusDate(target);
    if (direction) goToMonth(monthOf(target));
  };

  const focused = focusDate ? dayOf.get(focusDate) : undefined;

  return (
    <div className="calendar">
      <div className="calendar-nav">
        <button
          type="button"
          className="button secondary"
          disabled={!canGoBack}
          onClick={() => goToMonth(addMonths(month, -1))}
        >
          {/* An arrow to see, the words to hear: both would not fit beside the month at 360 px. */}
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">{t.booking.previousMonth}</span>
        </button>
        <h2 id={headingId} aria-live="polite">
          {formatMonth(month, t.calendar)}
        </h2>
        <button
          type="button"
          className="button secondary"
          disabled={!canGoOn}
          onClick={() => goToMonth(addMonths(month, 1))}
        >
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">{t.booking.nextMonth}</span>
        </button>
      </div>
      {calendar.status === "loading" && <Loading />}
      {calendar.status === "failed" && (
        <ProblemPanel title={t.unreachableTitle} text={t.unreachableText} onRetry={calendar.retry} />
      )}
      {days && (
        <table role="grid" ref={grid} aria-labelledby={headingId} onKeyDown={onKeyDown}>
          <thead>
            <tr>
              {t.calendar.weekdaysShort.map((short, i) => (
                <th key={short} scope="col" abbr={t.calendar.weekdays[i]}>
                  {short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(dates).map((week) => (
              <tr key={week.find(Boolean)}>
                {week.map((date, i) => {
                  const day = date ? dayOf.get(date) : undefined;
                  if (!date || !day) return <td key={`blank-${i}`} role="gridcell" />;
                  const open = day.status === "open";
                  return (
                    <td key={date} role="gridcell" aria-selected={date === chosen}>
                      <button
                        type="button"
                        className={`day day-${day.status}`}
                        data-date={date}
                        tabIndex={date === tabDate ? 0 : -1}
                        aria-disabled={!open}
                        onFocus={() => setFocusDate(date)}
                        onClick={() => (open ? props.onChoose(date) : setFocusDate(date))}
                      >
                        {/* The name says it all (the date in full, and whether it has room), so
                            the number and the mark shown are hidden from screen readers. */}
                        <span className="visually-hidden">
                          {formatLongDate(date, t.calendar)}: {dayStatusText(t, day)}
                        </span>
                        <span className="day-number" aria-hidden="true">
                          {Number(date.slice(8))}
                        </span>
                        <span className="day-mark" aria-hidden="true">
                          {open ? day.available : day.status === "full" ? "0" : ""}
                        </span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {days && !firstOpen && <p className="notice">{t.booking.noDaysThisMonth}</p>}
      {focused && (
        <p className="calendar-focus">
          {formatLongDate(focused.date, t.calendar)}: <strong>{dayStatusText(t, focused)}</strong>
        </p>
      )}
      <ul className="calendar-legend">
        <li className="legend-open">{t.booking.legendOpen}</li>
        <li className="legend-full">{t.booking.dayFull}</li>
        <li className="legend-closed">{t.booking.legendClosed}</li>
      </ul>
    </div>
  );
}
