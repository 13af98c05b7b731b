import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A query on the root database handle while a transaction of the same request is open is a bug:
 * on the embedded database (PGlite has one connection) the query waits for the transaction, which
 * waits for the query, and the server hangs; on PostgreSQL it takes a second connection and reads
 * outside the transaction's snapshot. Everything that runs inside a transaction must use its
 * executor. This guard marks the open transaction in the async context and makes a root query
 * inside it throw, with the caller's stack, so the mistake fails a test instead of a centre.
 */
export class RootQueryInTransactionError extends Error {
  constructor(transactionStack: string | undefined) {
    super(
      "A query used the root database handle inside an open transaction; pass the transaction's " +
        "executor instead (on the embedded database this would wait on itself forever)." +
        (transactionStack ? `\nThe transaction was opened at:\n${transactionStack}` : ""),
    );
    this.name = "RootQueryInTransactionError";
  }
}

interface OpenTransaction {
  open: boolean;
  stack: string | undefined;
}

export interface TransactionGuard {
  /** Runs `body` as the open transaction of the current async context, opened where `openedAt` says. */
  within<T>(body: () => Promise<T>, openedAt?: string): Promise<T>;
  /** Throws when called from inside an open transaction's async context. */
  assertOutside(): void;
}

export function createTransactionGuard(): TransactionGuard {
  const current = new AsyncLocalStorage<OpenTransaction>();
  return {
    async within(body, openedAt) {
      const mark: OpenTransaction = { open: true, stack: openedAt };
      try {
        return await current.run(mark, body);
      } finally {
        // Work the transaction started but did not await (a timer, a publish) runs after it ends
        // and may use the root handle then.
        mark.open = false;
      }
    },
    assertOutside() {
      const mark = current.getStore();
      if (mark?.open) throw new RootQueryInTransactionError(mark.stack);
    },
  };
}

/** No guard: production on PostgreSQL, where a missed path costs a connection, not the server. */
export const noTransactionGuard: TransactionGuard = {
  within: (body) => body(),
  assertOutside: () => undefined,
};
