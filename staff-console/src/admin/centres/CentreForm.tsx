import { DEFAULT_POLICY_WEIGHTS, type AdminCentre, type CreateCentreBody, type User } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { emptyText, Field, FailureNote, NumberField, TrilingualFields, useAction } from "../ui.js";
import { defaultHours, hoursProblems } from "./hours.js";
import { HoursEditor } from "./HoursEditor.js";

type Draft = Omit<CreateCentreBody, "policy">;

function draftOf(centre: AdminCentre | null): Draft {
  if (!centre)
    return {
      code: "",
      name: emptyText(),
      timezone: "Asia/Baku",
      openingHours: defaultHours(),
      bookingWindowDays: 30,
      bookingLeadMinutes: 60,
      lastTicketMinutesBeforeClosing: 30,
      active: true,
    };
  const { code, name, timezone, openingHours, bookingWindowDays, bookingLeadMinutes } = centre;
  return {
    code,
    name,
    timezone,
    openingHours,
    bookingWindowDays,
    bookingLeadMinutes,
    lastTicketMinutesBeforeClosing: centre.lastTicketMinutesBeforeClosing,
    active: centre.active,
  };
}

/**
 * A centre's settings. A new centre is the ministry's (admin); a manager changes only its hours and
 * when the last ticket is issued, the rest is shown but not editable.
 */
export function CentreForm({
  user,
  centre,
  onSaved,
  onCancel,
}: {
  user: User;
  centre: AdminCentre | null;
  onSaved(centre: AdminCentre): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(centre));
  const action = useAction();
  const adminOnly = user.role !== "admin";
  const invalidHours = hoursProblems(draft.openingHours).length > 0;

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (invalidHours) return;
    await action.run(async () => {
      const saved = centre
        ? await api.admin.patchCentre(
            centre.id,
            adminOnly
              ? {
                  openingHours: draft.openingHours,
                  lastTicketMinutesBeforeClosing: draft.lastTicketMinutesBeforeClosing,
                }
              : draft,
          )
        : await api.admin.createCentre({ ...draft, policy: DEFAULT_POLICY_WEIGHTS });
      onSaved(saved);
    });
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="centre-form-title">
      <h2 id="centre-form-title">
        {centre ? t.admin.centres.edit({ code: centre.code }) : t.admin.centres.new}
      </h2>
      <Field label={t.admin.centres.code} hint={t.admin.centres.codeHint}>
        {(id) => (
          <input
            id={id}
            value={draft.code}
            required
            disabled={adminOnly}
            pattern="[A-Z0-9][A-Z0-9\-]{1,31}"
            onChange={(e) => set("code", e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <TrilingualFields
        legend={t.admin.centres.name}
        value={draft.name}
        disabled={adminOnly}
        onChange={(name) => set("name", name)}
      />
      <Field label={t.admin.centres.timezone} hint={t.admin.centres.timezoneHint}>
        {(id) => (
          <input
            id={id}
            value={draft.timezone}
            required
            disabled={adminOnly}
            onChange={(e) => set("timezone", e.target.value)}
          />
        )}
      </Field>
      <NumberField
        label={t.admin.centres.bookingWindow}
        min={1}
        max={365}
        disabled={adminOnly}
        value={draft.bookingWindowDays}
        onChange={(value) => set("bookingWindowDays", value)}
      />
      <NumberField
        label={t.admin.centres.bookingLead}
        min={0}
        max={10080}
        disabled={adminOnly}
        value={draft.bookingLeadMinutes}
        onChange={(value) => set("bookingLeadMinutes", value)}
      />
      <NumberField
        label={t.admin.centres.lastTicket}
        hint={t.admin.centres.lastTicketHint}
        min={0}
        max={240}
        value={draft.lastTicketMinutesBeforeClosing}
        onChange={(value) => set("lastTicketMinutesBeforeClosing", value)}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={draft.active}
          disabled={adminOnly}
          onChange={(e) => set("active", e.target.checked)}
        />{" "}
        {t.admin.active}
      </label>
      <HoursEditor value={draft.openingHours} onChange={(hours) => set("openingHours", hours)} />
      <FailureNote failure={action.failure} />
      <p className="form-actions">
        <button type="submit" className="button primary" disabled={action.busy || invalidHours}>
          {centre ? t.admin.save : t.admin.centres.create}
        </button>
        <button type="button" className="button subtle" onClick={onCancel}>
          {t.admin.cancel}
        </button>
      </p>
    </form>
  );
}
