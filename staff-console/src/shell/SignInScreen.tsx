import { useState, type FormEvent } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { FailureAlert } from "../desk/FailureAlert.js";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

export function SignInScreen({ reason }: { reason: "none" | "expired" | "signedOut" }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<FailureCode | "WRONG" | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "NETWORK";
      setFailure(code === "UNAUTHENTICATED" || code === "VALIDATION_FAILED" ? "WRONG" : code);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <form className="sign-in-card stack" onSubmit={(e) => void submit(e)}>
        <h1>
          DOST <span className="muted">{t.app.title}</span>
        </h1>
        {reason === "expired" && (
          <p className="banner" role="status">
            {t.signIn.expired}
          </p>
        )}
        {reason === "signedOut" && (
          <p className="banner" role="status">
            {t.signIn.signedOut}
          </p>
        )}
        <label className="field-label" htmlFor="username">
          {t.signIn.username}
        </label>
        <input
          id="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus
        />
        <label className="field-label" htmlFor="password">
          {t.signIn.password}
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {failure === "WRONG" ? (
          <p className="alert" role="alert">
            {t.signIn.wrong}
          </p>
        ) : (
          <FailureAlert failure={failure} />
        )}
        <button type="submit" className="button primary large" disabled={busy}>
          {t.signIn.submit}
        </button>
      </form>
    </main>
  );
}
