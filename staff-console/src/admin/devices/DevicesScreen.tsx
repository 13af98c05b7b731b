import { DEVICE_KINDS, type AdminDevice, type DeviceKind } from "@dost/shared";
import { QRCodeSVG } from "qrcode.react";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Field, FailureNote, Loading, OneTimeSecret, useAction, useLoad } from "../ui.js";
import { PrinterForm } from "./PrinterForm.js";

type Shown =
  | { kind: "key"; label: string; key: string }
  | { kind: "pairing"; label: string; code: string; url: string; expiresAt: string };

/** The server gives a path when it does not know its public address; the tablet needs a full link. */
export const absoluteUrl = (url: string): string => new URL(url, window.location.origin).toString();

/**
 * A centre's kiosks, displays and counter tablets. A new device's key, or a pairing code with a QR
 * of its pairing link, is shown once; a lost one is revoked and replaced.
 */
export function DevicesScreen({ centreId }: { centreId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const devices = useLoad(() => api.admin.devices(centreId), centreId);
  const counters = useLoad(() => api.admin.counters(centreId), centreId);
  const [draft, setDraft] = useState<{ kind: DeviceKind; label: string; counterId: string }>({
    kind: "kiosk",
    label: "",
    counterId: "",
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const action = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run(async () => {
      const created = await api.admin.createDevice(centreId, {
        kind: draft.kind,
        label: draft.label.trim(),
        ...(draft.kind === "feedback" ? { counterId: draft.counterId } : {}),
      });
      setShown({ kind: "key", label: created.device.label, key: created.key });
    });
    if (ok) {
      setDraft((d) => ({ ...d, label: "" }));
      devices.reload();
    }
  }

  async function pair(device: AdminDevice) {
    await action.run(async () => {
      const { code, pairingUrl, expiresAt } = await api.admin.pairingCode(device.id);
      setShown({ kind: "pairing", label: device.label, code, url: absoluteUrl(pairingUrl), expiresAt });
    });
  }

  async function revoke(device: AdminDevice) {
    if (!window.confirm(t.admin.devices.confirmRevoke({ label: device.label }))) return;
    if (await action.run(async () => void (await api.admin.revokeDevice(device.id)))) devices.reload();
  }

  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t.admin.view.devices}</h2>
      <form className="admin-form inline" onSubmit={(e) => void create(e)} aria-label={t.admin.devices.new}>
        <Field label={t.admin.devices.kindColumn}>
          {(id) => (
            <select
              id={id}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as DeviceKind })}
            >
              {DEVICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.admin.devices.kind[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.admin.devices.label}>
          {(id) => (
            <input
              id={id}
              required
              value={draft.label}
              onChange={(e) => setDraft({ ...draft, label: e.target.value })}
            />
          )}
        </Field>
        {draft.kind === "feedback" && (
          <Field label={t.admin.devices.counter}>
            {(id) => (
              <select
                id={id}
                required
                value={draft.counterId}
                onChange={(e) => setDraft({ ...draft, counterId: e.target.value })}
              >
                <option value="">{t.admin.devices.chooseCounter}</option>
                {(counters.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" className="button primary" disabled={action.busy}>
          {t.admin.devices.create}
        </button>
      </form>
      {shown?.kind === "key" && (
        <OneTimeSecret title={t.admin.devices.keyOf({ label: shown.label })} secret={shown.key}>
          <button type="button" className="button small" onClick={() => setShown(null)}>
            {t.admin.done}
          </button>
        </OneTimeSecret>
      )}
      {shown?.kind === "pairing" && (
        <OneTimeSecret title={t.admin.devices.pairingOf({ label: shown.label })} secret={shown.code}>
          <p className="small">
            {t.admin.devices.pairingHint({
              time: new Date(shown.expiresAt).toLocaleTimeString("en-GB", {
                hour: "2-digit",
                minute: "2-digit",
              }),
            })}
          </p>
          <QRCodeSVG value={shown.url} size={200} marginSize={2} role="img" aria-label={t.admin.devices.qr} />
          <p className="small">
            <a href={shown.url} data-testid="pairing-link">
              {shown.url}
            </a>
          </p>
          <button type="button" className="button small" onClick={() => setShown(null)}>
            {t.admin.done}
          </button>
        </OneTimeSecret>
      )}
      <FailureNote failure={action.failure} />
      {devices.data && <PrinterForm devices={devices.data} onSaved={devices.reload} />}
      {!devices.data ? (
        <Loading failure={devices.failure} />
      ) : devices.data.length === 0 ? (
        <p className="muted">{t.admin.devices.none}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.devices.label}</th>
              <th scope="col">{t.admin.devices.kindColumn}</th>
              <th scope="col">{t.admin.state}</th>
              <th scope="col">
                <span className="visually-hidden">{t.admin.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.label}</th>
                <td>{t.admin.devices.kind[d.kind]}</td>
                <td>{d.revokedAt ? t.admin.devices.revoked : t.admin.active}</td>
                <td className="row-actions">
                  {!d.revokedAt && (
                    <button
                      type="button"
                      className="button small"
                      disabled={action.busy}
                      onClick={() => void pair(d)}
                    >
                      {t.admin.devices.pair({ label: d.label })}
                    </button>
                  )}
                  {!d.revokedAt && (
                    <button
                      type="button"
                      className="button small danger"
                      disabled={action.busy}
                      onClick={() => void revoke(d)}
                    >
                      {t.admin.devices.revoke({ label: d.label })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
