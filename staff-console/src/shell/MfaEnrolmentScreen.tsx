import type { User } from "@dost/shared";
import { ApiError } from "@dost/shared/client";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

/**
 * Setting up two-step sign-in: the secret as a QR code and as text (shown this once), a code from
 * the app to confirm it, then the recovery codes (also shown once). Held here by the policy
 * (`required`) nothing else opens until it is done; otherwise it can be left.
 */
export function MfaEnrolmentScreen({ user, required }: { user: User; required: boolean }) {
  const { t } = useI18n();
  const { api, finishMfa, signOut } = useSession();
  const [offer, setOffer] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.mfaEnrolment().then(
      (answer) => live && setOffer(answer),
      (error: unknown) => live && setProblem(t.failure[error instanceof ApiError ? error.code : "NETWORK"]),
    );
    return () => {
      live = false;
    };
  }, [api, t]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setRecoveryCodes((await api.mfaConfirm(code.trim())).recoveryCodes);
    } catch (error) {
      setProblem(
        error instanceof ApiError && (error.reason === "mfa_invalid" || error.code === "VALIDATION_FAILED")
          ? t.mfa.codeWrong
          : t.failure[error instanceof ApiError ? error.code : "NETWORK"],
      );
      setCode("");
    }
    setBusy(false);
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      {recoveryCodes ? (
        <section className="sign-in-card stack" aria-labelledby="mfa-done">
          <h1 id="mfa-done">{t.mfa.doneTitle}</h1>
          <p>{t.mfa.recoveryExplain}</p>
          <ul className="recovery-codes" aria-label={t.mfa.recoveryCodes}>
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="button primary large" onClick={() => void finishMfa()}>
            {t.mfa.continue}
          </button>
        </section>
      ) : (
        <form className="sign-in-card stack" onSubmit={(e) => void confirm(e)}>
          <h1>{t.mfa.title}</h1>
          <p>{(required ? t.mfa.required : t.mfa.explain)({ name: user.displayName })}</p>
          {offer && (
            <>
              <div className="mfa-qr">
                <QRCodeSVG value={offer.uri} size={192} marginSize={2} title={t.mfa.qr} />
              </div>
              <p className="small">
                {t.mfa.secret} <code data-testid="mfa-secret">{offer.secret}</code>
              </p>
              <label className="field-label" htmlFor="mfa-confirm-code">
                {t.mfa.code}
              </label>
              <input
                id="mfa-confirm-code"
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="\d{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </>
          )}
          {problem && (
            <p className="alert" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button primary large" disabled={busy || !offer}>
            {t.mfa.confirm}
          </button>
          <button
            type="button"
            className="button subtle"
            onClick={() => void (required ? signOut() : finishMfa())}
          >
            {required ? t.mfa.signOut : t.mfa.cancel}
          </button>
        </form>
      )}
    </main>
  );
}
