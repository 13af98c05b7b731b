import { randomInt } from "node:crypto";
import { PASSWORD_MIN_LENGTH } from "@dost/shared";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { invalid } from "../../lib/errors.js";

// zxcvbn-ts with its common dictionaries (the most used passwords, common words, keyboard patterns):
// a maintained list, matched with leetspeak, reversals, repeats and sequences, instead of our own.
let checker: ZxcvbnFactory | undefined;
const zxcvbn = (): ZxcvbnFactory => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;

/**
 * Refuses a new password that is too short or guessable (common, a pattern, or made of the user's own
 * name); `field` names the body field in the error's details.
 */
export function assertPasswordAcceptable(
  password: string,
  context: { username: string; displayName?: string | undefined },
  field = "newPassword",
): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalid(
      `A password needs at least ${PASSWORD_MIN_LENGTH} characters`,
      [{ path: field, message: `at least ${PASSWORD_MIN_LENGTH} characters` }],
      "password_too_short",
      { minLength: PASSWORD_MIN_LENGTH },
    );
  }
  const inputs = [context.username, ...(context.displayName?.split(/\s+/) ?? []), "dost"];
  const result = zxcvbn().check(password, inputs);
  if (result.score < MIN_SCORE) {
    throw invalid(
      "This password is too easy to guess: it is common, a pattern, or made of your name",
      [{ path: field, message: "too easy to guess" }],
      "password_too_common",
    );
  }
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud or copied by hand

/** A temporary password shown once: four groups of four, about 79 bits, and it passes the policy. */
export function newTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}
