import { describe } from "vitest";

/**
 * The database the server suite runs on: the whole suite runs twice in `npm test`, once on a real
 * PostgreSQL (project `server`) and once on the embedded PGlite (project `server-pglite`), because
 * the embedded default is what every newcomer runs.
 */
export type TestDriver = "postgres" | "pglite";
export const TEST_DRIVER: TestDriver = process.env.DOST_TEST_DRIVER === "pglite" ? "pglite" : "postgres";

/**
 * For tests that truly cannot run on PGlite (a TCP proxy in front of the database, several server
 * processes on one database). Each use says why beside it, and the embedded path gets its own test.
 */
export const describeOnPostgres = describe.runIf(TEST_DRIVER === "postgres");

/** For tests of the embedded path itself (a server process on PGlite), which need not run twice. */
export const describeOnPglite = describe.runIf(TEST_DRIVER === "pglite");
