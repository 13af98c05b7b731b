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
  // The second step: the password was right and the account has a second factor.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<FailureCode | "WRONG" | "CODE_WRONG" | "LOCKED" | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password, askCode ? code.trim() : undefined);
    } catch (error) {
      const reason = error instanceof ApiError ? error.reason : undefined;
      const failed = error instanceof ApiError ? error.code : "NETWORK";
      setBusy(false);
      if (reason === "mfa_required") {
        setAskCode(true);
        return;
      }
      if (reason === "mfa_invalid") {
        setCode("");
        return setFailure("CODE_WRONG");
      }
      if (reason === "sign_in_locked") return setFailure("LOCKED");
      setFailure(failed === "UNAUTHENTICATED" || failed === "VALIDATION_FAILED" ? "WRONG" : failed);
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
        {askCode ? (
          <>
            <p>{t.signIn.codeExplain}</p>
            <label className="field-label" htmlFor="mfa-code">
              {t.signIn.code}
            </label>
            <input
              id="mfa-code"
              autoComplete="one-time-code"
              inputMode="text"
              required
              maxLength={40}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoFocus
            />
          </>
        ) : (
          <>
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
          </>
        )}
        {failure === "WRONG" || failure === "CODE_WRONG" || failure === "LOCKED" ? (
          <p className="alert" role="alert">
            {failure === "WRONG"
              ? t.signIn.wrong
              : failure === "LOCKED"
                ? t.signIn.locked
                : t.signIn.codeWrong}
          </p>
        ) : (
          <FailureAlert failure={failure} />
        )}
        <button type="submit" className="button primary large" disabled={busy}>
          {askCode ? t.signIn.verify : t.signIn.submit}
        </button>
        {askCode && (
          <button
            type="button"
            className="button subtle"
            onClick={() => {
              setAskCode(false);
              setCode("");
              setPassword("");
              setFailure(null);
            }}
          >
            {t.signIn.back}
          </button>
        )}
      </form>
    </main>
  );
}
