import { useId, useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

/**
 * Shown when the kiosk has no device key or the server refused it. Staff pair it by opening
 * /kiosk/?key=..., or by typing the key here.
 */
export function PairingScreen({ refused, onPair }: { refused: boolean; onPair(key: string): void }) {
  const { t } = useI18n();
  const [key, setKey] = useState("");
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) onPair(key.trim());
  };
  return (
    <section className="panel pairing">
      <ScreenHeading>{t.pairingTitle}</ScreenHeading>
      <p className="lead">{t.pairingText}</p>
      {refused && (
        <p className="notice error" role="alert">
          {t.pairingRefused}
        </p>
      )}
      <form onSubmit={submit} className="pairing-form">
        <label htmlFor={inputId}>{t.deviceKeyLabel}</label>
        <input
          id={inputId}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <button type="submit" className="button primary">
          {t.pair}
        </button>
      </form>
    </section>
  );
}
