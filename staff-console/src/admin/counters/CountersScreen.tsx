import type { AdminCounter } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Field, FailureNote, Loading, useAction, useLoad } from "../ui.js";

/** A centre's counters, grouped by the zone of the hall they stand in. */
export function CountersScreen({ centreId }: { centreId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const counters = useLoad(() => api.admin.counters(centreId), centreId);
  const [label, setLabel] = useState("");
  const [zone, setZone] = useState("main");
  const action = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    if (
      await action.run(
        async () => void (await api.admin.createCounter(centreId, { label: label.trim(), zone })),
      )
    ) {
      setLabel("");
      counters.reload();
    }
  }

  async function patch(counter: AdminCounter, body: { zone?: string; active?: boolean }) {
    if (await action.run(async () => void (await api.admin.patchCounter(counter.id, body))))
      counters.reload();
  }

  const zones = [...new Set((counters.data ?? []).map((c) => c.zone))].sort();
  return (
    <section aria-labelledby="counters-title">
      <h2 id="counters-title">{t.admin.view.counters}</h2>
      <form className="admin-form inline" onSubmit={(e) => void create(e)} aria-label={t.admin.counters.new}>
        <Field label={t.admin.counters.label}>
          {(id) => (
            <input id={id} required maxLength={20} value={label} onChange={(e) => setLabel(e.target.value)} />
          )}
        </Field>
        <Field label={t.admin.counters.zone} hint={t.admin.counters.zoneHint}>
          {(id) => (
            <input
              id={id}
              required
              list="admin-zones"
              value={zone}
              onChange={(e) => setZone(e.target.value.toLowerCase())}
            />
          )}
        </Field>
        <datalist id="admin-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <button type="submit" className="button primary" disabled={action.busy}>
          {t.admin.counters.create}
        </button>
      </form>
      <FailureNote failure={action.failure} />
      {!counters.data ? (
        <Loading failure={counters.failure} />
      ) : counters.data.length === 0 ? (
        <p className="muted">{t.admin.counters.none}</p>
      ) : (
        zones.map((z) => (
          <section key={z} aria-labelledby={`zone-${z}`} className="zone-group">
            <h3 id={`zone-${z}`}>{t.admin.counters.zoneTitle({ zone: z })}</h3>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t.admin.counters.label}</th>
                  <th scope="col">{t.admin.state}</th>
                  <th scope="col">{t.admin.counters.moveTo}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.admin.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(counters.data ?? [])
                  .filter((c) => c.zone === z)
                  .map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.label}</th>
                      <td>
                        {c.active ? t.admin.active : t.admin.inactive} · {t.admin.counters.status[c.status]}
                      </td>
                      <td>
                        <select
                          aria-label={t.admin.counters.zoneOf({ label: c.label })}
                          value={c.zone}
                          onChange={(e) => void patch(c, { zone: e.target.value })}
                        >
                          {zones.map((option) => (
                            <option key={option} value={option}>
                              {option}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button small"
                          disabled={action.busy}
                          onClick={() => void patch(c, { active: !c.active })}
                        >
                          {c.active
                            ? t.admin.counters.deactivate({ label: c.label })
                            : t.admin.counters.activate({ label: c.label })}
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </section>
  );
}
