import { citizenSchema, phoneSchema, pinSchema } from "@dost/shared";
import type { CitizenInput } from "../api/appointments.js";
import type { FieldProblem } from "../api/client.js";
import type { BookingMessages } from "../i18n/appointments/messages.js";

export type CitizenField = "name" | "phone" | "pin";
export const CITIZEN_FIELDS: readonly CitizenField[] = ["name", "phone", "pin"];

export type CitizenValues = Record<CitizenField, string>;

/** What is wrong with a field, as a key of the booking messages, so it reads in any language. */
export type CitizenProblem = keyof Pick<
  BookingMessages,
  "nameInvalid" | "phoneMissing" | "phoneInvalid" | "pinInvalid"
>;
export type CitizenProblems = Partial<Record<CitizenField, CitizenProblem>>;

const nameSchema = citizenSchema.shape.name;

/** The field's problem by the same schema the server checks with, or undefined when it is fine. */
export function problemOf(field: CitizenField, value: string): CitizenProblem | undefined {
  switch (field) {
    case "name":
      return nameSchema.safeParse(value).success ? undefined : "nameInvalid";
    case "phone":
      if (!value.trim()) return "phoneMissing";
      return phoneSchema.safeParse(value).success ? undefined : "phoneInvalid";
    case "pin":
      // Optional: only a FIN that was typed is checked.
      return !value.trim() || pinSchema.safeParse(value).success ? undefined : "pinInvalid";
  }
}

export function checkCitizen(values: CitizenValues): { problems: CitizenProblems; citizen?: CitizenInput } {
  const problems: CitizenProblems = {};
  for (const field of CITIZEN_FIELDS) {
    const problem = problemOf(field, values[field]);
    if (problem) problems[field] = problem;
  }
  if (Object.keys(problems).length > 0) return { problems };
  const pin = values.pin.trim();
  return {
    problems,
    citizen: { name: values.name.trim(), phone: values.phone.trim(), ...(pin ? { pin } : {}) },
  };
}

const SERVER_PROBLEMS: Record<CitizenField, CitizenProblem> = {
  name: "nameInvalid",
  phone: "phoneInvalid",
  pin: "pinInvalid",
};

/** The server's 400 names fields as `body.citizen.phone`; anything else is not the visitor's to fix. */
export function problemsFromServer(details: FieldProblem[]): CitizenProblems {
  const problems: CitizenProblems = {};
  for (const { path } of details) {
    const field = CITIZEN_FIELDS.find((f) => path === `body.citizen.${f}` || path === `citizen.${f}`);
    if (field) problems[field] = SERVER_PROBLEMS[field];
  }
  return problems;
}
