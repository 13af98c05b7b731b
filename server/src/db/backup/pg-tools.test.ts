import { describe, expect, it } from "vitest";
import { chooseTools, ToolsMissingError, type PgTools } from "./pg-tools.js";

const tools = (major: number): PgTools => ({
  major,
  pgDump: `/usr/lib/postgresql/${major}/bin/pg_dump`,
  pgRestore: `/usr/lib/postgresql/${major}/bin/pg_restore`,
  psql: `/usr/lib/postgresql/${major}/bin/psql`,
});

describe("choosing pg_dump for a server", () => {
  it("takes the server's own major version when installed, without a warning", () => {
    expect(chooseTools([tools(17), tools(16), tools(15)], 16)).toEqual({ tools: tools(16), warning: null });
  });

  it("takes the nearest newer version otherwise, and warns about the mismatch", () => {
    const { tools: chosen, warning } = chooseTools([tools(17), tools(16)], 15);
    expect(chosen.major).toBe(16);
    expect(warning).toMatch(/server is version 15 but the client programs are version 16/);
  });

  it("refuses tools older than the server, saying what to install", () => {
    expect(() => chooseTools([tools(15)], 17)).toThrow(ToolsMissingError);
    expect(() => chooseTools([tools(15)], 17)).toThrow(/installed: 15\). Install postgresql-client-17/);
    expect(() => chooseTools([], 17)).toThrow(/installed: none/);
  });
});
