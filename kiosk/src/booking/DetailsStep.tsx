import type { Appointment, Centre, Service } from "@dost/shared";
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { bookAppointment, type Slot } from "../api/appointments.js";
import { ApiError } from "@dost/shared/client";
import { refusalOf, type Refusal as ServerRefusal } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import { ServerMessage } from "../ui/ServerMessage.js";
import { TextField } from "../ui/TextField.js";
import {
  CITIZEN_FIELDS,
  checkCitizen,
  problemOf,
  problemsFromServer,
  type CitizenField,
  type CitizenProblems,
  type CitizenValues,
} from "./citizen-form.js";

type Refusal =
  { kind: "conflict"; refusal: ServerRefusal } | { kind: "rate-limited" } | { kind: "unreachable" };

/**
 * Step 5: who is coming. Checked here with the server's own schemas, so most mistakes are named
 * before sending; what the server still refuses is tied to its field the same way. Nothing typed
 * here is stored in the browser: it lives in this form until it is sent.
 */
export function DetailsStep(props: {
  centre: Centre;
  service: Service;
  slot: Slot;
  onBooked(appointment: Appointment): void;
  onChooseAnotherTime(): void;
}) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<CitizenValues>({ name: "", phone: "", pin: "" });
  const [problems, setProblems] = useState<CitizenProblems>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Each time problems are shown, the first field marked wrong takes the focus (after the render
  // that marks it), so its label, hint and error are read out together.
  const [problemsShown, setProblemsShown] = useState(0);
  // A ref, not state: a double tap lands twice before the re-render that disables the button.
  const inFlight = useRef(false);

  const showProblems = (found: CitizenProblems) => {
    setProblems(found);
    setProblemsShown((n) => n + 1);
  };

  useEffect(() => {
    if (problemsShown) form.current?.querySelector<HTMLInputElement>("[aria-invalid='true']")?.focus();
  }, [problemsShown]);

  const change = (field: CitizenField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    // A field marked wrong is rechecked as it is corrected, so the message goes once it is right.
    if (problems[field]) setProblems((p) => ({ ...p, [field]: problemOf(field, value) }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    const { problems: found, citizen } = checkCitizen(values);
    if (!citizen) return showProblems(found);
    setProblems({});
    setRefusal(null);
    inFlight.current = true;
    setBusy(true);
    const { centre, service, slot } = props;
    bookAppointment({ centreId: centre.id, serviceId: service.id, start: slot.start, citizen, language })
      .then(props.onBooked)
      .catch((error: unknown) => {
        const e = error instanceof ApiError ? error : ApiError.unreachable(String(error));
        const fields = e.code === "VALIDATION_FAILED" ? problemsFromServer(e.details) : {};
        if (Object.keys(fields).length > 0) return showProblems(fields);
        if (e.code === "RATE_LIMITED") return setRefusal({ kind: "rate-limited" });
        setRefusal(
          e.failure === "rejected" ? { kind: "conflict", refusal: refusalOf(e) } : { kind: "unreachable" },
        );
      })
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  const fieldProps = (field: CitizenField) => ({
    value: values[field],
    onChange: change(field),
    error: problems[field] ? t.booking[problems[field]] : undefined,
  });
  const hasProblems = CITIZEN_FIELDS.some((f) => problems[f]);

  return (
    <form ref={form} className="details-form" noValidate onSubmit={submit} aria-busy={busy}>
      <p className="lead">{t.booking.detailsHint}</p>
      {hasProblems && (
        <p className="notice error" role="alert">
          {t.booking.fixErrors}
        </p>
      )}
      <TextField label={t.booking.nameLabel} autoComplete="name" {...fieldProps("name")} />
      <TextField
        label={t.booking.phoneLabel}
        hint={t.booking.phoneHint}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        {...fieldProps("phone")}
      />
      <TextField
        label={t.booking.pinLabel}
        hint={t.booking.pinHint}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        {...fieldProps("pin")}
      />
      {refusal && (
        <div className="notice error" role="alert">
          {refusal.kind === "conflict" && (
            <>
              <p>{t.booking.conflictText}</p>
              <ServerMessage refusal={refusal.refusal} timeZone={props.centre.timezone} />
              <button type="button" className="button secondary" onClick={props.onChooseAnotherTime}>
                {t.booking.chooseAnotherTime}
              </button>
            </>
          )}
          {refusal.kind === "rate-limited" && <p>{t.booking.rateLimited}</p>}
          {refusal.kind === "unreachable" && <p>{t.unreachableText}</p>}
        </div>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t.booking.submitting : t.booking.submit}
      </button>
    </form>
  );
}
