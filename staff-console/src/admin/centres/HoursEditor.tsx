import { WEEKDAYS, type OpeningHours, type Weekday } from "@dost/shared";
import { weekdayTitle } from "@dost/shared/client";
import { useI18n } from "../../i18n/i18n.js";
import { breaksOf, hoursProblems } from "./hours.js";

/**
 * The weekly hours: per day, the periods the centre is open; a break is the gap between two
 * periods. "Add a period" after the last one is how a lunch break is made.
 */
export function HoursEditor({
  value,
  onChange,
  disabled,
}: {
  value: OpeningHours;
  onChange(next: OpeningHours): void;
  disabled?: boolean;
}) {
  const { t, language } = useI18n();
  const problems = hoursProblems(value);

  function setDay(day: Weekday, periods: OpeningHours[Weekday]) {
    onChange({ ...value, [day]: periods });
  }

  function copyToWeekdays(from: Weekday) {
    const next = { ...value };
    for (const day of ["mon", "tue", "wed", "thu", "fri"] as const)
      next[day] = value[from].map((p) => ({ ...p }));
    onChange(next);
  }

  return (
    <fieldset className="admin-fieldset hours-editor">
      <legend>{t.admin.hours.title}</legend>
      <p className="muted small">{t.admin.hours.hint}</p>
      {WEEKDAYS.map((day, index) => {
        // WEEKDAYS start on Monday; weekdayTitle counts as Date does, from Sunday.
        const dayName = weekdayTitle(language, (index + 1) % 7);
        const periods = value[day];
        const breaks = breaksOf(periods);
        return (
          <fieldset key={day} className="hours-day" data-testid={`hours-${day}`}>
            <legend>{dayName}</legend>
            {periods.length === 0 && <p className="muted">{t.admin.hours.closed}</p>}
            {periods.map((period, index) => {
              const problem = problems.find((p) => p.day === day && p.index === index);
              const errorId = `hours-${day}-${index}-error`;
              return (
                <div className="hours-period" key={index}>
                  <label>
                    {t.admin.hours.opens({ day: dayName, n: index + 1 })}
                    <input
                      type="time"
                      value={period.open}
                      disabled={disabled}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? errorId : undefined}
                      onChange={(e) =>
                        setDay(
                          day,
                          periods.map((p, i) => (i === index ? { ...p, open: e.target.value } : p)),
                        )
                      }
                    />
                  </label>
                  <label>
                    {t.admin.hours.closes({ day: dayName, n: index + 1 })}
                    <input
                      type="time"
                      value={period.close}
                      disabled={disabled}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? errorId : undefined}
                      onChange={(e) =>
                        setDay(
                          day,
                          periods.map((p, i) => (i === index ? { ...p, close: e.target.value } : p)),
                        )
                      }
                    />
                  </label>
                  <button
                    type="button"
                    className="button small subtle"
                    disabled={disabled}
                    onClick={() =>
                      setDay(
                        day,
                        periods.filter((_, i) => i !== index),
                      )
                    }
                  >
                    {t.admin.hours.remove({ day: dayName, n: index + 1 })}
                  </button>
                  {problem && (
                    <span id={errorId} className="field-error" role="alert">
                      {t.admin.hours[problem.kind]}
                    </span>
                  )}
                </div>
              );
            })}
            {breaks.length > 0 && (
              <p className="small muted">
                {t.admin.hours.breaks({ breaks: breaks.map((b) => `${b.from}–${b.to}`).join(", ") })}
              </p>
            )}
            <button
              type="button"
              className="button small"
              disabled={disabled || periods.length >= 6}
              onClick={() => {
                const last = periods[periods.length - 1];
                setDay(day, [
                  ...periods,
                  last ? { open: last.close, close: last.close } : { open: "09:00", close: "18:00" },
                ]);
              }}
            >
              {t.admin.hours.add({ day: dayName })}
            </button>
            {day === "mon" && (
              <button
                type="button"
                className="button small subtle"
                disabled={disabled}
                onClick={() => copyToWeekdays("mon")}
              >
                {t.admin.hours.copyMonday}
              </button>
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
