import { useId, useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { PAIRING_CODE, type PairingAttempt, type PairingProblem } from "./usePairing.js";

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

const PROBLEM_TEXT: Record<PairingProblem, (t: Messages) => string> = {
  keyRefused: (t) => t.pairingRefused,
  codeRefused: (t) => t.pairingCodeRefused,
  codeMalformed: (t) => t.pairingCodeMalformed,
  tooManyTries: (t) => t.pairingTooManyTries,
  notKiosk: (t) => t.pairingNotKiosk,
};

/**
 * Shown when the kiosk has no device key or the server refused it. Staff pair it with the six-digit
 * code a manager made (big keypad, or the keyboard), by opening its pairing link, or, for older
 * installs, with the device key itself.
 */
export function PairingScreen({
  problem,
  onPair,
}: {
  problem: PairingProblem | null;
  onPair(attempt: PairingAttempt): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [key, setKey] = useState("");
  const codeId = useId();
  const keyId = useId();
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (PAIRING_CODE.test(code)) onPair({ code });
  };
  const submitKey = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) onPair({ deviceKey: key.trim() });
  };
  const type = (digit: string) => setCode((current) => (current + digit).slice(0, 6));
  return (
    <section className="panel pairing">
      <ScreenHeading>{t.pairingTitle}</ScreenHeading>
      <p className="lead">{t.pairingText}</p>
      {problem && (
        <p className="notice error" role="alert">
          {PROBLEM_TEXT[problem](t)}
        </p>
      )}
      <form onSubmit={submitCode} className="pairing-code-form">
        <label htmlFor={codeId}>{t.pairingCodeLabel}</label>
        <input
          id={codeId}
          className="pairing-code"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
        />
        <div className="keypad pairing-keypad" role="group" aria-label={t.pairingKeypad}>
          {DIGITS.map((digit) => (
            <button key={digit} type="button" className="key" onClick={() => type(digit)}>
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="key key-backspace"
            aria-label={t.pairingErase}
            onClick={() => setCode((current) => current.slice(0, -1))}
          >
            <span aria-hidden="true">⌫</span>
          </button>
        </div>
        <button type="submit" className="button primary pairing-submit" disabled={!PAIRING_CODE.test(code)}>
          {t.pair}
        </button>
      </form>
      <form onSubmit={submitKey} className="pairing-form">
        <h2>{t.pairingKeyInstead}</h2>
        <label htmlFor={keyId}>{t.deviceKeyLabel}</label>
        <input
          id={keyId}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t.pairWithKey}
        </button>
      </form>
    </section>
  );
}
