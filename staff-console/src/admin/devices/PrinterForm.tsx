import type { AdminDevice } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Field, FailureNote, useAction } from "../ui.js";

/**
 * A kiosk's network receipt printer: the server prints that kiosk's tickets on it; with none (an
 * empty address), the kiosk prints through its browser as before.
 */
export function PrinterForm({ devices, onSaved }: { devices: AdminDevice[]; onSaved(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const kiosks = devices.filter((d) => d.kind === "kiosk" && !d.revokedAt);
  const [deviceId, setDeviceId] = useState("");
  const [address, setAddress] = useState("");
  const action = useAction();

  function choose(id: string) {
    setDeviceId(id);
    setAddress(kiosks.find((k) => k.id === id)?.printer ?? "");
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const printer = address.trim() === "" ? null : address.trim();
    const ok = await action.run(async () => {
      const device = await api.admin.patchDevice(deviceId, { printer });
      setAddress(device.printer ?? "");
    });
    if (ok) onSaved();
  }

  if (kiosks.length === 0) return null;
  return (
    <form className="admin-form inline" onSubmit={(e) => void save(e)} aria-label={t.admin.devices.printer}>
      <Field label={t.admin.devices.printerKiosk}>
        {(id) => (
          <select id={id} required value={deviceId} onChange={(e) => choose(e.target.value)}>
            <option value="">{t.admin.devices.chooseKiosk}</option>
            {kiosks.map((k) => (
              <option key={k.id} value={k.id}>
                {k.printer ? `${k.label} (${k.printer})` : k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.admin.devices.printerAddress} hint={t.admin.devices.printerHint}>
        {(id) => (
          <input
            id={id}
            value={address}
            placeholder="10.0.5.21:9100"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setAddress(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={action.busy || deviceId === ""}>
        {t.admin.devices.savePrinter}
      </button>
      <FailureNote failure={action.failure} />
    </form>
  );
}
