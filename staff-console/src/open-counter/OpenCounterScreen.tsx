import type { Counter, Service, User } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { zoneLabel } from "../desk/zones.js";
import { defaultProfile, readLastChoice } from "./last-profile.js";
import { ProfilePicker } from "./ProfilePicker.js";

/**
 * Before work: pick a free counter and the services it serves. The profile starts as the one last
 * used; the counter as the one last used, if it is free.
 */
export function OpenCounterScreen({
  user,
  counters,
  services,
  lastServiceIds,
  busy,
  onOpen,
}: {
  user: User;
  counters: Counter[];
  services: Service[];
  lastServiceIds: string[] | null;
  busy: boolean;
  onOpen(counterId: string, serviceIds: string[]): void;
}) {
  const { t } = useI18n();
  const isFree = (c: Counter) => c.user === null;
  const [counterId, setCounterId] = useState<string | null>(() => {
    const last = readLastChoice(user.id).counterId;
    return counters.some((c) => c.id === last && isFree(c)) ? last : null;
  });
  const [selected, setSelected] = useState(() => defaultProfile(services, lastServiceIds, user.id));
  const chosen = counters.find((c) => c.id === counterId && isFree(c)) ?? null;
  const zones = [...new Set(counters.map((c) => c.zone))];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen && selected.size > 0)
      onOpen(
        chosen.id,
        services.filter((s) => selected.has(s.id)).map((s) => s.id),
      );
  }

  return (
    <form className="open-counter" onSubmit={submit}>
      <h1>{t.open.title}</h1>
      <fieldset className="counter-picker">
        <legend className="field-label">{t.open.pickCounter}</legend>
        {zones.map((zone) => (
          <div key={zone} className="zone">
            <h2 className="zone-name">{zoneLabel(zone, t)}</h2>
            <div className="counter-grid">
              {counters
                .filter((c) => c.zone === zone)
                .map((c) => (
                  <label key={c.id} className={`counter-tile ${isFree(c) ? "" : "taken"}`}>
                    <input
                      type="radio"
                      name="counter"
                      value={c.id}
                      disabled={!isFree(c)}
                      checked={c.id === counterId}
                      onChange={() => setCounterId(c.id)}
                    />
                    <span className="counter-label">{c.label}</span>
                    <span className="small">{c.user ? c.user.displayName : t.open.free}</span>
                  </label>
                ))}
            </div>
          </div>
        ))}
      </fieldset>
      <ProfilePicker services={services} selected={selected} onChange={setSelected} />
      <div className="row">
        <button
          type="submit"
          className="button primary large"
          disabled={!chosen || selected.size === 0 || busy}
        >
          {chosen ? t.open.submit({ label: chosen.label }) : t.open.submitNone}
        </button>
        {selected.size === 0 && <span className="muted">{t.open.needService}</span>}
      </div>
    </form>
  );
}
