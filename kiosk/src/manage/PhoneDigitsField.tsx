import type { Ref } from "react";
import { useI18n } from "../i18n/i18n.js";
import { TextField } from "../ui/TextField.js";

/** Four digits, as the server asks them to cancel or move a booking by its code. */
export const isPhoneDigits = (value: string): boolean => /^\d{4}$/.test(value);

/** The last four digits of the booking's phone: whoever changes a booking proves they hold it. */
export function PhoneDigitsField(props: {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={t.manage.phoneLast4Label}
      hint={t.manage.phoneLast4Hint}
      error={props.error}
      inputRef={props.inputRef}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.replace(/\D/g, "").slice(0, 4))}
      inputMode="numeric"
      autoComplete="off"
      className="phone-digits-input"
    />
  );
}
