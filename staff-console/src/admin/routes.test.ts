import type { User } from "@dost/shared";
import { describe, expect, it } from "vitest";
import { adminPath, adminViewOf, mayAdminister } from "./routes.js";

const user = (role: User["role"]): User => ({
  id: "5b0d8f3e-5a6f-4a0e-9a39-2f1e0c6b7d11",
  username: "someone",
  displayName: "Someone",
  role,
  centreId: role === "admin" ? null : "0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f",
});

describe("the Administration area's addresses", () => {
  it("maps every screen's path back to the screen, and the area's root to centres", () => {
    expect(adminViewOf("/console/admin")).toBe("centres");
    expect(adminViewOf("/console/admin/")).toBe("centres");
    for (const view of [
      "services",
      "offer",
      "counters",
      "users",
      "devices",
      "closed-dates",
      "policy",
      "audit",
    ] as const)
      expect(adminViewOf(adminPath(view))).toBe(view);
    expect(adminViewOf("/console/")).toBeNull();
    expect(adminViewOf("/console/monitoring")).toBeNull();
  });

  it("is for admins and managers only", () => {
    expect(mayAdminister(user("admin"))).toBe(true);
    expect(mayAdminister(user("manager"))).toBe(true);
    for (const role of ["staff", "viewer", "volunteer"] as const)
      expect(mayAdminister(user(role))).toBe(false);
  });
});
