import type { Service } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";

/** The work profile: which services' visitors this counter calls. */
export function ProfilePicker({
  services,
  selected,
  onChange,
}: {
  services: Service[];
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
}) {
  const { t, local } = useI18n();

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  }

  return (
    <fieldset className="profile">
      <legend className="field-label">{t.profile.legend}</legend>
      <div className="row">
        <button
          type="button"
          className="button small subtle"
          onClick={() => onChange(new Set(services.map((s) => s.id)))}
        >
          {t.profile.all}
        </button>
        <button type="button" className="button small subtle" onClick={() => onChange(new Set())}>
          {t.profile.none}
        </button>
        <span className="muted small" aria-live="polite">
          {t.profile.chosen({ count: selected.size, total: services.length })}
        </span>
      </div>
      <ul className="profile-list">
        {services.map((service) => (
          <li key={service.id}>
            <label className="choice">
              <input type="checkbox" checked={selected.has(service.id)} onChange={() => toggle(service.id)} />
              <span className="prefix">{service.prefix}</span>
              <span className="grow">{local(service.name)}</span>
              <span className="muted small">{t.profile.waiting({ count: service.waiting })}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
