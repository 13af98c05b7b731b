import type { Appointment } from "@dost/shared";
import { useRef, useState } from "react";
import { rescheduleAppointment, type Slot } from "../api/appointments.js";
import { ApiError } from "@dost/shared/client";
import { refusalOf, type Refusal as ServerRefusal } from "../api/client.js";
import { dateIn, monthOf, type Month } from "../appointments/dates.js";
import { whenText } from "../appointments/Facts.js";
import { MonthCalendar } from "../appointments/MonthCalendar.js";
import { TimeSlots } from "../appointments/TimeSlots.js";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { ServerMessage } from "../ui/ServerMessage.js";
import type { Booking } from "./load-booking.js";
import { isPhoneDigits, PhoneDigitsField } from "./PhoneDigitsField.js";

type Stage =
  | { stage: "day"; month: Month; chosen: string | null }
  | { stage: "time"; month: Month; date: string }
  | { stage: "confirm"; month: Month; date: string; slot: Slot };

type Refusal = { kind: "rejected"; refusal: ServerRefusal } | { kind: "unreachable" };

/** Moving a booking: the same calendar and times as booking, then one confirmation. */
export function MoveBooking(props: {
  booking: Booking;
  onMoved(appointment: Appointment): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const { appointment, centre, service } = props.booking;
  const [stage, setStage] = useState<Stage>(() => {
    const date = dateIn(appointment.start, centre.timezone);
    return { stage: "day", month: monthOf(date), chosen: date };
  });
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const inFlight = useRef(false);
  const [digits, setDigits] = useState("");
  const [digitsError, setDigitsError] = useState<string | undefined>();
  const digitsInput = useRef<HTMLInputElement>(null);

  const move = (slot: Slot) => {
    if (inFlight.current) return;
    if (!isPhoneDigits(digits)) {
      setDigitsError(t.manage.phoneLast4Needed);
      digitsInput.current?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setRefusal(null);
    rescheduleAppointment(appointment.code, slot.start, digits)
      .then(props.onMoved)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "FORBIDDEN") {
          setDigitsError(t.manage.phoneLast4Wrong);
          digitsInput.current?.focus();
          return;
        }
        setRefusal(
          error instanceof ApiError && error.failure === "rejected"
            ? { kind: "rejected", refusal: refusalOf(error) }
            : { kind: "unreachable" },
        );
      })
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  const back = () => {
    if (stage.stage === "day") return props.onBack();
    setRefusal(null);
    if (stage.stage === "time") setStage({ stage: "day", month: stage.month, chosen: stage.date });
    else setStage({ stage: "time", month: stage.month, date: stage.date });
  };

  const headings = { day: t.booking.dayHeading, time: t.booking.timeHeading, confirm: t.manage.moveHeading };
  return (
    // Keyed by stage, so each stage's heading takes the focus as it appears.
    <section key={stage.stage} className="move-booking" aria-busy={busy}>
      <div className="screen-intro">
        <p className="step-of">{t.manage.reschedule}</p>
        <ScreenHeading>{headings[stage.stage]}</ScreenHeading>
      </div>
      {stage.stage === "day" && (
        <>
          <p className="lead">{t.booking.dayHint}</p>
          <MonthCalendar
            centre={centre}
            service={service}
            month={stage.month}
            chosen={stage.chosen}
            onMonthChange={(month) => setStage({ ...stage, month })}
            onChoose={(date) => setStage({ stage: "time", month: monthOf(date), date })}
          />
        </>
      )}
      {stage.stage === "time" && (
        <TimeSlots
          centre={centre}
          service={service}
          date={stage.date}
          current={appointment.start}
          onChoose={(slot) => setStage({ ...stage, stage: "confirm", slot })}
          onChooseAnotherDay={back}
        />
      )}
      {stage.stage === "confirm" && (
        <>
          <p className="lead">{t.manage.moveText(whenText(stage.slot.start, centre.timezone, t.calendar))}</p>
          <PhoneDigitsField
            value={digits}
            onChange={(value) => {
              setDigits(value);
              setDigitsError(undefined);
            }}
            error={digitsError}
            inputRef={digitsInput}
          />
          {refusal && (
            <div className="notice error" role="alert">
              <p>{refusal.kind === "rejected" ? t.manage.notPossible : t.unreachableText}</p>
              {refusal.kind === "rejected" && (
                <ServerMessage refusal={refusal.refusal} timeZone={centre.timezone} />
              )}
            </div>
          )}
          <div className="actions stacked">
            <button type="button" className="button primary" disabled={busy} onClick={() => move(stage.slot)}>
              {t.manage.move}
            </button>
          </div>
        </>
      )}
      <button type="button" className="button tertiary back" disabled={busy} onClick={back}>
        {t.back}
      </button>
    </section>
  );
}
