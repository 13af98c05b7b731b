import type { Service } from "@dost/shared";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

/** The nine digits after +994 (a mobile number in Azerbaijan). */
export const PHONE_DIGITS = 9;
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] as const;

/**
 * `55 123 45 67` as the screen shows it while typed: every digit but the last two masked, so a
 * person behind cannot read the number off the kiosk.
 */
export function maskedPhone(digits: string): string {
  const shown = [...digits].map((d, i) => (i < digits.length - 2 ? "•" : d));
  const groups = [2, 3, 2, 2];
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= shown.length) break;
    out.push(shown.slice(at, at + size).join(""));
    at += size;
  }
  return `+994 ${out.join(" ")}`.trimEnd();
}

/**
 * Optional, before the priority question: a mobile number for "your turn is near" and "come to
 * counter 5" texts (for a deaf visitor, or anyone who steps outside). A large keypad or the
 * keyboard's digits; Skip is the first and largest choice, since most visitors will not want it.
 */
export function PhoneScreen(props: { service: Service; onDone(phone: string | null): void; onBack(): void }) {
  const { t, language } = useI18n();
  const [digits, setDigits] = useState("");
  const complete = digits.length === PHONE_DIGITS;
  // A local number is dialled 0XX…: its leading 0 is not part of the number after +994.
  const type = (digit: string) =>
    setDigits((current) => (current === "" && digit === "0" ? "" : (current + digit).slice(0, PHONE_DIGITS)));
  const erase = () => setDigits((current) => current.slice(0, -1));
  const { onDone } = props;

  // A kiosk keypad or keyboard: digits, Backspace, Enter to use a complete number.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLButtonElement && (event.key === "Enter" || event.key === " ")) return;
      if (/^\d$/.test(event.key)) type(event.key);
      else if (event.key === "Backspace") erase();
      else if (event.key === "Enter" && complete) onDone(`+994${digits}`);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [complete, digits, onDone]);

  return (
    <section className="phone-step">
      <div className="screen-intro">
        <p className="chosen-service">
          <span className="label">{t.chosenService}:</span> {props.service.name[language]}
        </p>
        <ScreenHeading>{t.phone.heading}</ScreenHeading>
        <p className="lead">{t.phone.hint}</p>
      </div>
      <button type="button" className="button primary phone-skip" onClick={() => onDone(null)}>
        {t.phone.skip}
      </button>
      <p
        className="phone-number"
        role="status"
        aria-label={t.phone.entered(digits.length, digits.slice(-2))}
        data-testid="phone-number"
      >
        {digits ? maskedPhone(digits) : "+994"}
      </p>
      <div className="keypad phone-keypad" role="group" aria-label={t.phone.keypad}>
        {KEYS.map((digit) => (
          <button key={digit} type="button" className="key" onClick={() => type(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="key key-backspace" aria-label={t.phone.erase} onClick={erase}>
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
      <div className="phone-actions">
        <button
          type="button"
          className="button secondary phone-use"
          disabled={!complete}
          onClick={() => onDone(`+994${digits}`)}
        >
          {t.phone.use}
        </button>
        <button type="button" className="button tertiary back" onClick={props.onBack}>
          {t.back}
        </button>
      </div>
    </section>
  );
}
