import { APPOINTMENT_CODE_ALPHABET } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";

const KEYS = [...APPOINTMENT_CODE_ALPHABET];

/**
 * The code's own alphabet and nothing else (no 0, O, 1, I or L, which codes never contain), in
 * reading order: the digits, then the letters A to Z, and a backspace. Keys are large touch targets.
 */
export function CodeKeypad(props: { disabled: boolean; onKey(key: string): void; onBackspace(): void }) {
  const { t } = useI18n();
  return (
    <div className="keypad" role="group" aria-label={t.checkIn.heading}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="key"
          disabled={props.disabled}
          onClick={() => props.onKey(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="key key-backspace"
        disabled={props.disabled}
        aria-label={t.checkIn.backspace}
        onClick={props.onBackspace}
      >
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
