import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { sha256 } from "../../lib/tokens.js";

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const WINDOW = 1;
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const RECOVERY_CODES = 10;

/**
 * Keeps TOTP secrets encrypted at rest (AES-256-GCM under a key derived from MFA_SECRET_KEY): a copy
 * of the database alone gives no one a second factor. Stored as `v1:<iv>:<tag>:<ciphertext>`.
 */
export function createSecretBox(passphrase: string) {
  const key = createHash("sha256").update(passphrase).digest();
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(":");
    },
    open(sealed: string): string {
      const [version, iv, tag, body] = sealed.split(":");
      if (version !== "v1" || !iv || !tag || !body) throw new Error("not a sealed MFA secret");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;

/** A new 160-bit secret (RFC 4226's recommendation) in base32, and its otpauth:// URI for a QR code. */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ issuer: "DOST", label: username, secret, digits: DIGITS, period: PERIOD_SECONDS });
  return { secret: secret.base32, uri: totp.toString() };
}

/**
 * The time step a six-digit code belongs to, if it is right for the secret at `at` (± one step);
 * null otherwise. The caller refuses a step not later than the last one used (no replay).
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = at.getTime();
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
}

/** For tests and the e2e: the code an authenticator app shows at `at`. */
export const totpCode = (secret: string, at: Date): string =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: at.getTime(),
  });

/**
 * Ten recovery codes of 24 characters (log2(31^24) ≈ 119 bits each) in four groups of six, and their
 * hashes. ASVS 5.0 6.5.2 lets look-up secrets of at least 112 bits be stored with a plain hash, as
 * session tokens are; shorter ones would need a salted password hash.
 */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    let raw = "";
    for (let i = 0; i < 24; i++) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return raw.match(/.{6}/g)!.join("-");
  });
  return { codes, hashes: codes.map(recoveryCodeHash) };
}

/** Typed with or without the dash or spaces, in any case. */
export const recoveryCodeHash = (code: string): string =>
  sha256(`recovery:${code.replace(/[\s-]/g, "").toUpperCase()}`);
