import {
  DEFAULT_POLICY_WEIGHTS,
  PRIORITIES,
  pickNext,
  type PolicyWeights,
  type QueueCandidate,
} from "@dost/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { counters, tickets } from "../src/db/schema.js";
import { queueRepository } from "../src/modules/queue/queue.repository.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";

/**
 * The SQL that picks the next ticket and the pure policy in shared must always agree. Each generated
 * queue is written in a transaction, the SQL picks, and the transaction is rolled back.
 */
let db: TestDatabase;
let centreId: string;
let serviceIds: string[];

const now = new Date("2026-11-23T08:00:00Z");
const day = "2026-11-23";

class Rollback extends Error {}

beforeAll(async () => {
  db = await createTestDatabase("seeded", 4);
  const [counter] = await db.database.db.select().from(counters).limit(1);
  centreId = counter!.centreId;
  const services = await db.database.db.query.centreServices.findMany({
    where: (cs, { eq }) => eq(cs.centreId, centreId),
  });
  serviceIds = services.slice(0, 3).map((s) => s.serviceId);
});
afterAll(() => db.drop());

const candidate = fc.record({
  service: fc.integer({ min: 0, max: 2 }),
  priority: fc.constantFrom(...PRIORITIES),
  // Whole milliseconds within the last two hours; ties are likely with a coarse step.
  waitedMs: fc.oneof(
    fc.integer({ min: 0, max: 7_200_000 }),
    fc.integer({ min: 0, max: 20 }).map((n) => n * 60_000),
  ),
  appointmentOffsetMs: fc.option(fc.integer({ min: -3_600_000, max: 3_600_000 }), { nil: null }),
});

const weights: fc.Arbitrary<PolicyWeights> = fc.record({
  priorityBonusSeconds: fc.record({
    none: fc.constant(0),
    disability: fc.integer({ min: 0, max: 3600 }),
    veteran: fc.integer({ min: 0, max: 3600 }),
    martyr_family: fc.integer({ min: 0, max: 3600 }),
    elderly: fc.integer({ min: 0, max: 3600 }),
    pregnant: fc.integer({ min: 0, max: 3600 }),
  }),
  appointmentBonusSeconds: fc.integer({ min: 0, max: 7200 }),
});

describe("call-next SQL against the pure queue policy", () => {
  it("picks the same ticket on generated queues", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidate, { minLength: 0, maxLength: 25 }),
        fc.subarray([0, 1, 2], { minLength: 1 }),
        fc.oneof(fc.constant(DEFAULT_POLICY_WEIGHTS), weights),
        async (queue, served, policy) => {
          let sqlChoice: string | null = null;
          let pureChoice: string | null = null;
          await db.database.db
            .transaction(async (tx) => {
              const rows = queue.length
                ? await tx
                    .insert(tickets)
                    .values(
                      queue.map((c, i) => ({
                        publicId: `p${String(i).padStart(21, "0")}`,
                        centreId,
                        serviceId: serviceIds[c.service]!,
                        serviceDay: day,
                        prefix: "Z",
                        number: i + 1,
                        code: `Z${i + 1}`,
                        priority: c.priority,
                        issuedAt: new Date(now.getTime() - c.waitedMs),
                        queuedAt: new Date(now.getTime() - c.waitedMs),
                        appointmentAt:
                          c.appointmentOffsetMs === null
                            ? null
                            : new Date(now.getTime() + c.appointmentOffsetMs),
                      })),
                    )
                    .returning()
                : [];
              const candidates: QueueCandidate[] = rows.map((r) => ({
                id: r.id,
                serviceId: r.serviceId,
                priority: r.priority,
                queuedAt: r.queuedAt,
                appointmentAt: r.appointmentAt,
              }));
              const servedIds = served.map((i) => serviceIds[i]!);
              pureChoice = pickNext(candidates, servedIds, now, policy)?.id ?? null;
              sqlChoice = await queueRepository.pickNext(tx, {
                centreId,
                serviceDay: day,
                serviceIds: servedIds,
                weights: policy,
                now,
              });
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
          expect(sqlChoice).toBe(pureChoice);
        },
      ),
      { numRuns: 150 },
    );
  });
});
