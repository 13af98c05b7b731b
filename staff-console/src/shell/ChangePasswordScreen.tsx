import { PASSWORD_MIN_LENGTH, type User } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { ApiError } from "@dost/shared/client";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

/**
 * First sign-in with a temporary password (a new or reset account): the server allows nothing
 * else until the person chooses their own, so this is the only screen until then.
 */
export function ChangePasswordScreen({ user }: { user: User }) {
  const { t } = useI18n();
  const { changePassword, signOut } = useSession();
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < PASSWORD_MIN_LENGTH)
      return setProblem(t.password.tooShort({ min: PASSWORD_MIN_LENGTH }));
    if (next !== repeat) return setProblem(t.password.mismatch);
    setBusy(true);
    setProblem(null);
    try {
      await changePassword(next);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === "VALIDATION_FAILED"
          ? t.password.refused
          : t.failure[error instanceof ApiError ? error.code : "NETWORK"],
      );
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <form className="sign-in-card stack" onSubmit={(e) => void submit(e)}>
        <h1>{t.password.title}</h1>
        <p>{t.password.explain({ name: user.displayName, min: PASSWORD_MIN_LENGTH })}</p>
        <label className="field-label" htmlFor="new-password">
          {t.password.new}
        </label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <label className="field-label" htmlFor="repeat-password">
          {t.password.repeat}
        </label>
        <input
          id="repeat-password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {problem && (
          <p className="banner" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button primary large" disabled={busy}>
          {t.password.submit}
        </button>
        <button type="button" className="button subtle" onClick={() => void signOut()}>
          {t.shell.signOut}
        </button>
      </form>
    </main>
  );
}
