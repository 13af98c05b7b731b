import { fireEvent, screen } from "@testing-library/react";
import { DICTIONARIES } from "../i18n/i18n.js";

const SKIP = new RegExp(
  `^(${Object.values(DICTIONARIES)
    .map((t) => t.phone.skip.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")})$`,
);

/** The optional phone step comes before the priority question; most tests answer "skip". */
export async function skipPhone(): Promise<void> {
  fireEvent.click(await screen.findByRole("button", { name: SKIP }));
}
