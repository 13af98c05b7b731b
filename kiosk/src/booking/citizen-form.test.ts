import { describe, expect, it } from "vitest";
import { checkCitizen, problemOf, problemsFromServer } from "./citizen-form.js";

describe("the citizen's details", () => {
  it("are checked with the server's own rules", () => {
    expect(problemOf("name", " L ")).toBe("nameInvalid");
    expect(problemOf("name", "Leyla Əliyeva")).toBeUndefined();
    expect(problemOf("phone", "  ")).toBe("phoneMissing");
    expect(problemOf("phone", "050 123 45")).toBe("phoneInvalid");
    expect(problemOf("phone", "050 123 45 67")).toBeUndefined();
    expect(problemOf("phone", "+994 (50) 123-45-67")).toBeUndefined();
    expect(problemOf("pin", "")).toBeUndefined();
    expect(problemOf("pin", "ab12c3")).toBe("pinInvalid");
    expect(problemOf("pin", "ab12c34")).toBeUndefined();
  });

  it("leave out an empty FIN and trim what is sent", () => {
    expect(checkCitizen({ name: " Leyla ", phone: " 0501234567 ", pin: " " })).toEqual({
      problems: {},
      citizen: { name: "Leyla", phone: "0501234567" },
    });
    expect(checkCitizen({ name: "", phone: "1", pin: "x" }).problems).toEqual({
      name: "nameInvalid",
      phone: "phoneInvalid",
      pin: "pinInvalid",
    });
  });

  it("take the server's refusals by field path", () => {
    expect(
      problemsFromServer([
        { path: "body.citizen.pin", message: "a FIN has 7 letters and digits" },
        { path: "body.start", message: "invalid" },
      ]),
    ).toEqual({ pin: "pinInvalid" });
  });
});
