import type { Language } from "@dost/shared";
import { useState } from "react";
import { formatLongDate, formatTime, monthOf, todayIn } from "../appointments/dates.js";
import { Facts } from "../appointments/Facts.js";
import { MonthCalendar } from "../appointments/MonthCalendar.js";
import { TimeSlots } from "../appointments/TimeSlots.js";
import { DEFAULT_LANGUAGE, I18nProvider, useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { PageHeader } from "../ui/PageHeader.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { CentreChoice, ServiceChoice } from "./CatalogueSteps.js";
import { Confirmation } from "./Confirmation.js";
import { DetailsStep } from "./DetailsStep.js";
import { STEP_COUNT, STEP_NUMBER, type BookingStep } from "./steps.js";
import { useSteps } from "./useSteps.js";

/** /kiosk/book: a citizen books an appointment on their own phone or computer; no key, no login. */
export function BookingPage() {
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  return (
    <I18nProvider language={language} onLanguageChange={setLanguage} title={pageTitle}>
      <BookingWizard />
    </I18nProvider>
  );
}

const FIRST: BookingStep = { step: "centre" };
const pageTitle = (t: Messages) => `${t.booking.title} — DOST`;

function BookingWizard() {
  const { t } = useI18n();
  const steps = useSteps<BookingStep>(FIRST);
  const { step, depth } = steps;
  return (
    <div className="status-page booking-page">
      <PageHeader title={t.booking.title} />
      <main className="status-main booking-main">
        {/* Keyed by depth, so each new step mounts afresh and its heading takes the focus. */}
        <section key={`${depth}-${step.step}`} className="booking-step">
          {step.step === "confirmed" ? (
            <Confirmation
              appointment={step.appointment}
              centre={step.centre}
              service={step.service}
              onBookAnother={steps.restart}
            />
          ) : (
            <StepScreen step={step} steps={steps} />
          )}
        </section>
      </main>
    </div>
  );
}

type Steps = ReturnType<typeof useSteps<BookingStep>>;

function StepScreen({ step, steps }: { step: Exclude<BookingStep, { step: "confirmed" }>; steps: Steps }) {
  const { t } = useI18n();
  const headings = {
    centre: t.booking.centreHeading,
    service: t.booking.serviceHeading,
    day: t.booking.dayHeading,
    time: t.booking.timeHeading,
    details: t.booking.detailsHeading,
  };
  return (
    <>
      <div className="screen-intro">
        <p className="step-of">{t.booking.stepOf(STEP_NUMBER[step.step], STEP_COUNT)}</p>
        <ScreenHeading>{headings[step.step]}</ScreenHeading>
      </div>
      <ChoicesSoFar step={step} />
      <StepBody step={step} steps={steps} />
      {step.step !== "centre" && (
        <button type="button" className="button tertiary back" onClick={steps.back}>
          {t.back}
        </button>
      )}
    </>
  );
}

function StepBody({ step, steps }: { step: Exclude<BookingStep, { step: "confirmed" }>; steps: Steps }) {
  const { t } = useI18n();
  switch (step.step) {
    case "centre":
      return <CentreChoice onChoose={(centre) => steps.push({ step: "service", centre })} />;
    case "service":
      return (
        <ServiceChoice
          centre={step.centre}
          onChoose={(service) =>
            steps.push({
              step: "day",
              centre: step.centre,
              service,
              month: monthOf(todayIn(step.centre.timezone)),
              chosen: null,
            })
          }
        />
      );
    case "day":
      return (
        <>
          <p className="lead">{t.booking.dayHint}</p>
          <MonthCalendar
            centre={step.centre}
            service={step.service}
            month={step.month}
            chosen={step.chosen}
            onMonthChange={(month) => steps.replace({ ...step, month })}
            onChoose={(date) => {
              // Remembered on this step, so coming back shows the same month with the day marked.
              steps.replace({ ...step, month: monthOf(date), chosen: date });
              steps.push({ step: "time", centre: step.centre, service: step.service, date });
            }}
          />
        </>
      );
    case "time":
      return (
        <TimeSlots
          centre={step.centre}
          service={step.service}
          date={step.date}
          onChoose={(slot) => steps.push({ ...step, step: "details", slot })}
          onChooseAnotherDay={steps.back}
        />
      );
    case "details":
      return (
        <DetailsStep
          centre={step.centre}
          service={step.service}
          slot={step.slot}
          onBooked={(appointment) =>
            steps.replace({ step: "confirmed", centre: step.centre, service: step.service, appointment })
          }
          onChooseAnotherTime={steps.back}
        />
      );
  }
}

/** What has been chosen so far, so a visitor who looks away knows where they are. */
function ChoicesSoFar({ step }: { step: Exclude<BookingStep, { step: "confirmed" }> }) {
  const { t, language } = useI18n();
  if (step.step === "centre") return null;
  const rows: [string, string][] = [[t.centre, step.centre.name[language]]];
  if (step.step !== "service") rows.push([t.service, step.service.name[language]]);
  if (step.step === "time" || step.step === "details")
    rows.push([t.booking.dateLabel, formatLongDate(step.date, t.calendar)]);
  if (step.step === "details")
    rows.push([t.booking.timeLabel, formatTime(step.slot.start, step.centre.timezone)]);
  return (
    <section className="choices-so-far" aria-label={t.booking.summaryHeading}>
      <Facts rows={rows} />
    </section>
  );
}
