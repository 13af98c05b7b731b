import type { Service } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { ProfilePicker } from "../open-counter/ProfilePicker.js";
import { Dialog } from "../ui/Dialog.js";

/** Changes which services an open counter calls; the server takes it as opening the counter again. */
export function ProfileDialog({
  services,
  current,
  onSave,
  onClose,
}: {
  services: Service[];
  current: string[];
  onSave(serviceIds: string[]): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [selected, setSelected] = useState(() => new Set(current));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.size > 0) onSave(services.filter((s) => selected.has(s.id)).map((s) => s.id));
  }

  return (
    <Dialog title={t.profile.title} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <ProfilePicker services={services} selected={selected} onChange={setSelected} />
        <div className="row end">
          <button type="button" className="button subtle" onClick={onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className="button primary" disabled={selected.size === 0}>
            {t.profile.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
