import { useState, type FormEvent } from "react";
import type { Messages } from "../i18n/messages.js";
import type { PairingProblem } from "./usePairing.js";

const PROBLEM_TEXT: Record<PairingProblem, (t: Messages) => string> = {
  refused: (t) => t.keyRefused,
  notDisplay: (t) => t.keyNotForDisplay,
  codeRefused: (t) => t.codeRefused,
  tooManyTries: (t) => t.tooManyTries,
};

/** Asks for a pairing code or device key when the display has none, or the server refused the one it had. */
export function PairingScreen({
  t,
  problem,
  onPair,
}: {
  t: Messages;
  problem: PairingProblem | null;
  onPair(key: string): void;
}) {
  const [key, setKey] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = key.trim();
    if (trimmed) onPair(trimmed);
  };
  return (
    <main className="pairing">
      <h1>{t.pairTitle}</h1>
      <p>{t.pairHint}</p>
      {problem ? (
        <p className="pairing-problem" role="alert">
          {PROBLEM_TEXT[problem](t)}
        </p>
      ) : null}
      <form onSubmit={submit} className="pairing-form">
        <label htmlFor="device-key">{t.deviceKey}</label>
        <input
          id="device-key"
          name="device-key"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <button type="submit">{t.pair}</button>
      </form>
    </main>
  );
}
