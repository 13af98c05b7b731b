import { createHash, randomBytes } from "node:crypto";

/** 128 random bits, base64url: unguessable, URL-safe, 22 characters. */
export const newPublicId = (): string => randomBytes(16).toString("base64url");

/** 256 random bits for session tokens. */
export const newSessionToken = (): string => randomBytes(32).toString("base64url");

/** Secrets are stored only as their SHA-256, so a leaked table reveals no usable credential. */
export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
