/**
 * Bootstraps the first administrator of an installation: `npm run admin:create -- --username NAME`
 * (optionally `--display-name "Full Name"`), the password read from standard input — typed twice
 * without echo at a terminal, or piped (its first line). Works on the database DATABASE_URL names,
 * or the embedded one in DATA_DIR, through the same administration service and password policy the
 * API uses; everything else is then set up through the API or the console.
 */
import { parseArgs } from "node:util";
import { DomainError, usernameSchema } from "@dost/shared";
import { ConfigError, loadConfig } from "../config.js";
import { databaseOptions, openDatabase } from "../db/client.js";
import { seedReferenceData } from "../db/seed-reference.js";
import { systemClock } from "../lib/clock.js";
import { createAdminService, systemCaller } from "../modules/admin/index.js";
import { createCentreDirectory } from "../modules/catalog/index.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

function usage(problem: string): never {
  say(problem);
  say('usage: npm run admin:create -- --username NAME [--display-name "Full Name"]  (password on stdin)');
  process.exit(2);
}

/** Reads all of a pipe and keeps its first line. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Reads one line at a terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let value = "";
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          process.stderr.write("\n");
          process.exit(130);
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await readHidden("Password (at least 12 characters): ");
  const again = await readHidden("The same password again: ");
  if (first !== again) usage("The two passwords differ; nothing was changed.");
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: "string" }, "display-name": { type: "string" } },
  });
  const username = values.username ?? usage("Name the administrator with --username.");
  if (!usernameSchema.safeParse(username).success)
    usage("A username is 3–64 lower-case letters, digits, dots, dashes or underscores.");
  const password = await readPassword();
  if (!password) usage("No password was given on standard input.");

  const config = loadConfig();
  const database = openDatabase({ ...databaseOptions(config), poolSize: 2 });
  try {
    // A fresh installation may never have started the server: bring its schema up to date first.
    await database.migrate();
    await seedReferenceData(database.db);
    const admin = createAdminService({
      db: database.db,
      clock: systemClock,
      centres: createCentreDirectory({ ttlMs: 0, today: () => systemClock.now() }),
      publisher: {
        publish: () => undefined,
        disconnectUser: () => undefined,
        disconnectDevice: () => undefined,
      },
      forgetDevices: async () => undefined,
      publicUrl: config.publicUrl ?? null,
    });
    const { user } = await admin.users.create(
      systemCaller("admin:create"),
      { username, displayName: values["display-name"] ?? username, role: "admin", centreId: null },
      { password, mustChangePassword: false },
    );
    process.stdout.write(`Created the administrator ${user.username} (${user.id}). Sign in at /console/.\n`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) {
    say(
      err.reason === "username_taken"
        ? `A user named ${String(err.params?.username)} already exists; nothing was changed.`
        : `${err.message}; nothing was changed.`,
    );
    process.exit(1);
  }
  say(err instanceof ConfigError ? err.message : String((err as Error)?.stack ?? err));
  process.exit(1);
});
