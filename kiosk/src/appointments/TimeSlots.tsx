import type { Centre, Service } from "@dost/shared";
import { fetchSlots, type Slot } from "../api/appointments.js";
import { useLoad } from "../api/useLoad.js";
import { useI18n } from "../i18n/i18n.js";
import { Loading } from "../ui/Loading.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import { formatLongDate, formatTime } from "./dates.js";

/** The free times of one day, in the centre's wall-clock time; full times are left out. */
export function TimeSlots(props: {
  centre: Centre;
  service: Service;
  date: string;
  /** The time the booking has now, when moving it: shown, but not offered again. */
  current?: string;
  onChoose(slot: Slot): void;
  onChooseAnotherDay(): void;
}) {
  const { centre, service, date } = props;
  const { t } = useI18n();
  const slots = useLoad(`${centre.id}/${service.id}/${date}`, () => fetchSlots(centre.id, service.id, date));

  if (slots.status === "loading") return <Loading />;
  if (slots.status === "failed")
    return (
      <ProblemPanel
        title={slots.error.failure === "rejected" ? t.manage.notPossible : t.unreachableTitle}
        text={slots.error.failure === "rejected" ? t.booking.noTimes : t.unreachableText}
        onRetry={slots.retry}
      />
    );

  const free = slots.data.filter((s) => s.available > 0 && s.start !== props.current);
  return (
    <div className="time-slots">
      <p className="lead">{t.booking.timeHint(formatLongDate(date, t.calendar))}</p>
      {free.length === 0 ? (
        <p className="notice">{t.booking.noTimes}</p>
      ) : (
        <ul className="slot-grid">
          {free.map((slot) => {
            const time = formatTime(slot.start, centre.timezone);
            return (
              <li key={slot.start}>
                <button type="button" className="slot-button" onClick={() => props.onChoose(slot)}>
                  <span className="visually-hidden">{`${time}, ${t.booking.placesLeft(slot.available)}`}</span>
                  <span className="slot-time" aria-hidden="true">
                    {time}
                  </span>
                  <span className="slot-places" aria-hidden="true">
                    {t.booking.placesLeft(slot.available)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button tertiary" onClick={props.onChooseAnotherDay}>
        {t.booking.chooseAnotherDay}
      </button>
    </div>
  );
}
