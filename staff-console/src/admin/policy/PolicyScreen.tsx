import { PRIORITIES, type AdminCentre, type Priority, type User } from "@dost/shared";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Field, FailureNote, Loading, useAction, useLoad } from "../ui.js";

type Group = Exclude<Priority, "none">;
const GROUPS = PRIORITIES.filter((p): p is Group => p !== "none");

/** Minutes as typed, kept as text so a half-typed value is not snapped back. */
type Draft = Record<Group | "appointment", string>;

function draftOf(centre: AdminCentre): Draft {
  const minutes = (seconds: number) => String(Math.round(seconds / 60));
  const draft = { appointment: minutes(centre.policy.appointmentBonusSeconds) } as Draft;
  for (const g of GROUPS) draft[g] = minutes(centre.policy.priorityBonusSeconds[g]);
  return draft;
}

const valid = (text: string) => /^\d{1,4}$/.test(text) && Number(text) <= 1440;

/**
 * The priority policy in plain words: a bonus is waiting time credited at the ticket machine, so
 * nobody jumps the queue outright and an ordinary visitor who waits long enough is still called.
 */
export function PolicyScreen({ user, centreId }: { user: User; centreId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const centre = useLoad(() => api.admin.centre(centreId), centreId);
  // The minutes as typed; until the first keystroke, the centre's policy as loaded.
  const [typed, setTyped] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const editable = user.role === "admin";

  if (!centre.data) return <Loading failure={centre.failure} />;
  const draft = typed ?? draftOf(centre.data);
  const allValid = Object.values(draft).every(valid);

  async function save() {
    if (!allValid) return;
    const seconds = (text: string) => Number(text) * 60;
    const priorityBonusSeconds = { none: 0 } as Record<Priority, number>;
    for (const g of GROUPS) priorityBonusSeconds[g] = seconds(draft[g]);
    const ok = await action.run(async () => {
      const updated = await api.admin.patchCentre(centreId, {
        policy: { priorityBonusSeconds, appointmentBonusSeconds: seconds(draft.appointment) },
      });
      centre.setData(updated);
      setTyped(null);
    });
    setSaved(ok);
  }

  const explain = (key: Group | "appointment") =>
    valid(draft[key]) ? t.admin.policy.explain[key]({ minutes: Number(draft[key]) }) : t.admin.policy.invalid;

  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">{t.admin.view.policy}</h2>
      <p>{t.admin.policy.intro}</p>
      {!editable && <p className="muted">{t.admin.policy.readOnly}</p>}
      <div className="policy-grid">
        {[...GROUPS, "appointment" as const].map((key) => (
          <div key={key} className="policy-row">
            <Field label={key === "appointment" ? t.admin.policy.appointment : t.priority[key]}>
              {(id) => (
                <>
                  <input
                    id={id}
                    type="number"
                    min={0}
                    max={1440}
                    className="narrow-input"
                    value={draft[key]}
                    disabled={!editable}
                    aria-invalid={valid(draft[key]) ? undefined : true}
                    aria-describedby={`${id}-explain`}
                    onChange={(e) => {
                      setSaved(false);
                      setTyped({ ...draft, [key]: e.target.value });
                    }}
                  />{" "}
                  <span>{t.admin.policy.minutes}</span>
                  <p id={`${id}-explain`} className="policy-explain" data-testid={`explain-${key}`}>
                    {explain(key)}
                  </p>
                </>
              )}
            </Field>
          </div>
        ))}
      </div>
      <FailureNote failure={action.failure} />
      {saved && (
        <p className="notice" role="status">
          {t.admin.policy.saved}
        </p>
      )}
      {editable && (
        <p className="form-actions">
          <button
            type="button"
            className="button primary"
            disabled={action.busy || !allValid}
            onClick={() => void save()}
          >
            {t.admin.policy.save}
          </button>
        </p>
      )}
    </section>
  );
}
