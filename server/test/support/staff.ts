import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { users } from "../../src/db/schema.js";

/**
 * Adds staff users to a centre, beyond the demo's eight, reusing a demo user's password hash so
 * they sign in with the demo password without paying for argon2 again.
 */
export async function addStaff(db: Db, centreId: string, count: number, prefix = "extra"): Promise<string[]> {
  const [demo] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, "admin"));
  if (!demo) throw new Error("the demo seed is missing");
  const names = Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`);
  await db.insert(users).values(
    names.map((username) => ({
      username,
      displayName: username,
      role: "staff" as const,
      centreId,
      passwordHash: demo.hash,
    })),
  );
  return names;
}
