import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Everything /metrics reports, in one registry per app (tests build many apps in one process).
 * Names follow Prometheus' conventions: `_total` counters, base units (seconds), and labels with few
 * values only: the route template (never the URL, which holds ids and keys), the centre's code, a
 * socket's kind.
 */
export function createInstruments() {
  const registry = new Registry();
  // Process CPU and memory, GC, handles, and the event-loop lag (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "dost_http_request_duration_seconds",
      help: "HTTP requests by method, route template and status: their rate (_count) and latency",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    ticketsIssued: new Counter({
      name: "dost_tickets_issued_total",
      help: "Tickets issued by this process (kiosk, staff or appointment check-in), per centre",
      labelNames: ["centre"] as const,
      registers,
    }),
    ticketCalls: new Counter({
      name: "dost_ticket_calls_total",
      help: "Tickets called to a counter by this process, per centre; recall=true for calling again",
      labelNames: ["centre", "recall"] as const,
      registers,
    }),
    realtimeEvents: new Counter({
      name: "dost_realtime_events_total",
      help: "Live events published by this process, by event name",
      labelNames: ["event"] as const,
      registers,
    }),
    queueWaiting: new Gauge({
      name: "dost_queue_waiting_tickets",
      help: "Tickets waiting today, per centre (read from the database at scrape time)",
      labelNames: ["centre"] as const,
      registers,
    }),
    queueLongestWait: new Gauge({
      name: "dost_queue_longest_wait_seconds",
      help: "How long the longest-waiting ticket has waited, per centre (0 when none waits)",
      labelNames: ["centre"] as const,
      registers,
    }),
    sockets: new Gauge({
      name: "dost_socket_connections",
      help: "Live-update sockets connected to this process, by kind",
      labelNames: ["kind"] as const,
      registers,
    }),
    outboxPending: new Gauge({
      name: "dost_outbox_pending_notifications",
      help: "Texts due to be sent and not sent yet (the outbox backlog)",
      registers,
    }),
    outboxOldestDue: new Gauge({
      name: "dost_outbox_oldest_due_seconds",
      help: "How long the oldest due, unsent text has been waiting (0 when none)",
      registers,
    }),
    pool: new Gauge({
      name: "dost_db_pool_connections",
      help: "This process's PostgreSQL pool: total, idle, and requests waiting for a connection",
      labelNames: ["state"] as const,
      registers,
    }),
    poolMax: new Gauge({
      name: "dost_db_pool_max_connections",
      help: "The pool's size (DB_POOL_SIZE)",
      registers,
    }),
    databaseUp: new Gauge({
      name: "dost_database_up",
      help: "1 when the scrape's database reads succeeded, 0 when the database did not answer",
      registers,
    }),
  };
}

export type Instruments = ReturnType<typeof createInstruments>;
