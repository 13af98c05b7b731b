import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { FeatureModule } from "./core/module.js";
import type { Database } from "./db/client.js";
import { scaledClock, systemClock, type Clock } from "./lib/clock.js";
import { withLogRedaction } from "./lib/log-redaction.js";
import { adminModule } from "./modules/admin/index.js";
import { alertsModule, type AlertsService } from "./modules/alerts/index.js";
import { appointmentsModule } from "./modules/appointments/index.js";
import { authModule } from "./modules/auth/index.js";
import {
  catalogModule,
  createCentreDirectory,
  type CentreDirectory,
  type CentreRecord,
} from "./modules/catalog/index.js";
import { countersModule } from "./modules/counters/index.js";
import { displayModule } from "./modules/display/index.js";
import { healthModule } from "./modules/health/index.js";
import {
  createHttpGateway,
  createLogGateway,
  notificationsModule,
  type NotificationGateway,
  type NotificationService,
} from "./modules/notifications/index.js";
import { queueModule, type QueueService } from "./modules/queue/index.js";
import { feedbackModule } from "./modules/feedback/index.js";
import { staffingModule } from "./modules/staffing/index.js";
import { printingModule, type PrintingService } from "./modules/printing/index.js";
import { statsModule } from "./modules/stats/index.js";
import { ticketsModule } from "./modules/tickets/index.js";
import { accessPlugin } from "./plugins/access.js";
import { appsPlugin } from "./plugins/apps.js";
import { docsPlugin } from "./plugins/docs.js";
import { errorsPlugin, frameworkRefusal } from "./plugins/errors.js";
import { createMetrics } from "./plugins/metrics/index.js";
import { createSharedRateLimitStore } from "./plugins/rate-limit/shared-store.js";
import { createConfigChanges } from "./plugins/realtime/config-changes.js";
import { createSocketPublisher, type SocketServer } from "./plugins/realtime/publisher.js";
import { authenticateSockets, createSocketServer } from "./plugins/realtime/socket-server.js";

export interface AppDeps {
  database: Database;
  clock?: Clock;
  /** Pass false in tests that drive the housekeeping by hand. */
  runJobs?: boolean;
  logger?: boolean | object;
  /** Where texts to citizens go; the log gateway by default. */
  gateway?: NotificationGateway;
}

declare module "fastify" {
  interface FastifyInstance {
    io: SocketServer;
    /** The tickets' and sessions' housekeeping, run by hand in tests. */
    sweeper: { sweep(): Promise<{ expired: number }> };
    appointmentJobs: { run(): Promise<{ noShows: number; purged: number; sent: number }> };
    /** The alerts' evaluations: the tick run by hand in tests, and a wait for those in flight. */
    alerts: Pick<AlertsService, "tick" | "settled" | "evaluate">;
    /** The kiosks' network printers: a wait for the prints under way (tests). */
    printing: Pick<PrintingService, "settled">;
    centres: CentreDirectory;
    /** A centre by id or code, read outside any transaction (tests, plugins). */
    findCentre(ref: string): Promise<CentreRecord | null>;
  }
}

/**
 * Builds the whole server (API, socket.io, the apps) without listening: tests inject or listen on
 * port 0. The composition root: it builds each feature module from the services of the modules it
 * may use, then registers the infrastructure plugins and the modules' routes.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const { database } = deps;
  const db = database.db;
  const clock =
    deps.clock ?? (config.clock ? scaledClock(config.clock.start, config.clock.speed) : systemClock);

  const app = Fastify({
    logger: withLogRedaction(deps.logger ?? { level: config.logLevel }),
    trustProxy: trustFunction(config.trustProxy),
    bodyLimit: 64 * 1024,
    // Nothing here needs a request id from outside; a generated one keeps logs unambiguous.
    genReqId: () => crypto.randomUUID(),
    // Refusals made while routing leave in the contract's shape too.
    frameworkErrors: frameworkRefusal,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The socket server first (closed to everyone until its handshake is installed below), so the
  // publisher exists before the services that publish through it.
  const sockets = await createSocketServer(app.server, {
    pool: database.listenerPool(),
    redisUrl: config.redisUrl,
  });
  // Every process caches centres and device keys; a change made in one is announced to the others.
  const configChanges = createConfigChanges(sockets.io);
  const centres = createCentreDirectory({
    ttlMs: config.configCacheMs,
    today: () => clock.now(),
    announce: () => configChanges.announce("centres"),
  });
  configChanges.on("centres", centres.drop);
  const findCentre = (ref: string) => centres.find(db, ref);
  // The gauges' sources are the modules' services, built below; a scrape only comes once they exist.
  const gauges: { queue?: QueueService; notifications?: NotificationService } = {};
  const metrics = createMetrics({
    token: config.metricsToken,
    centreCode: async (id) => (await findCentre(id))?.code ?? null,
    queueByCentre: async () => gauges.queue?.waitingByCentre(await centres.all(db)) ?? [],
    outboxBacklog: async () => gauges.notifications?.backlog() ?? { pending: 0, oldestDueSeconds: 0 },
    poolStats: () => database.poolStats(),
  });
  const publisher = metrics.observePublisher(createSocketPublisher(sockets.io, sockets.delivery));
  const publicPerMinute = config.rateLimit.publicPerMinute;

  const auth = authModule({
    db,
    clock,
    publisher,
    sessionTtlHours: config.sessionTtlHours,
    deviceCacheMs: config.configCacheMs,
    loginPerMinute: config.rateLimit.loginPerMinute,
    secureCookies: config.trustProxy !== false || config.env === "production",
    lockoutAfterFailures: config.rateLimit.lockoutAfterFailures,
    // Ten colleagues' budgets: a NAT office never reaches it, a password spray soon does.
    addressFailuresPerMinute: 10 * config.rateLimit.loginPerMinute,
    publicUrl: config.publicUrl ?? null,
    mfa: config.mfa,
  });
  configChanges.on("devices", () => auth.service.forgetDevices());
  const queue = queueModule({ db, clock, publisher, findCentre, estimator: config.waitEstimator });
  const catalog = catalogModule({ db, clock, centres, queue: queue.service, publicPerMinute });
  const notifications = notificationsModule({
    db,
    clock,
    gateway:
      deps.gateway ?? (config.sms.http ? createHttpGateway(config.sms.http) : createLogGateway(app.log)),
    ...(config.sms.http ? { sendTimeoutMs: config.sms.http.timeoutMs } : {}),
    log: app.log,
    callback: config.sms.callback,
  });
  const tickets = ticketsModule({
    db,
    clock,
    centres,
    catalog: catalog.service,
    queue: queue.service,
    texts: { notifications: notifications.service, log: app.log, ...config.ticketTexts },
    publicPerMinute,
    devicePerMinute: config.rateLimit.devicePerMinute,
  });
  const counters = countersModule({
    db,
    clock,
    centres,
    catalog: catalog.service,
    queue: queue.service,
    tickets: tickets.service,
    auth: auth.service,
  });
  const display = displayModule({ db, clock, directory: centres, queue: queue.service, publisher });
  const stats = statsModule({
    db,
    clock,
    centres,
    catalog: catalog.service,
    counters: counters.service,
    queue: queue.service,
  });
  const feedback = feedbackModule({ db, clock, centres, publicPerMinute });
  const appointments = appointmentsModule({
    db,
    clock,
    centres,
    catalog: catalog.service,
    tickets: tickets.service,
    notifications: notifications.service,
    queue: queue.service,
    checkIn: {
      beforeMinutes: config.appointments.checkInBeforeMinutes,
      afterMinutes: config.appointments.checkInAfterMinutes,
    },
    checkInAfterMinutes: config.appointments.checkInAfterMinutes,
    retentionDays: config.appointments.retentionDays,
    turnNearPosition: config.appointments.turnNearPosition,
    publicPerMinute,
    bookingPerMinute: config.rateLimit.bookingPerMinute,
    devicePerMinute: config.rateLimit.devicePerMinute,
  });
  const admin = adminModule({
    db,
    clock,
    centres,
    publisher,
    forgetDevices: async () => {
      auth.service.forgetDevices();
      await configChanges.announce("devices");
    },
    publicUrl: config.publicUrl ?? null,
    pairPerMinute: config.rateLimit.pairPerMinute,
  });
  const alerts = alertsModule({
    db,
    clock,
    publisher,
    centres,
    catalog: catalog.service,
    counters: counters.service,
    queue: queue.service,
    onError: (err) => app.log.warn({ err }, "alert evaluation failed"),
  });
  const staffing = staffingModule({
    db,
    clock,
    centres,
    catalog: catalog.service,
    slotCapacity: admin.service.slotCapacity,
  });
  const printing = printingModule({
    db,
    catalog: catalog.service,
    alerts: alerts.service,
    tickets: tickets.service,
    publicUrl: config.publicUrl ?? null,
    onError: (err) => app.log.warn({ err }, "printing a ticket failed"),
  });
  gauges.queue = queue.service;
  gauges.notifications = notifications.service;
  const modules: FeatureModule<unknown>[] = [
    auth,
    queue,
    catalog,
    tickets,
    counters,
    display,
    stats,
    feedback,
    notifications,
    appointments,
    admin,
    alerts,
    staffing,
    printing,
  ];

  // Clients learn the server's time from this header (the console's timers); it is the service's
  // clock, which a simulated day runs fast.
  app.addHook("onSend", async (_request, reply) => {
    reply.header("date", clock.now().toUTCString());
  });
  await app.register(errorsPlugin);
  await app.register(metrics.plugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", "ws:", "wss:"],
      },
    },
  });
  await app.register(cookie);
  // On PostgreSQL several processes may serve one database: they share the counters there. PGlite
  // is one process by nature (it holds the data directory's lock), so memory is exact.
  const sharedLimits =
    database.kind === "postgres"
      ? createSharedRateLimitStore(db, (err) => app.log.warn({ err }, "dropping ended rate limits failed"))
      : null;
  await app.register(rateLimit, { global: false, ...(sharedLimits ? { store: sharedLimits.Store } : {}) });
  await app.register(accessPlugin, {
    authenticate: auth.service.authenticate,
    findCentre,
    counterCentre: counters.service.centreOf,
    ticketCentre: tickets.service.centreOf,
    publicUrl: config.publicUrl ?? null,
  });
  await app.register(docsPlugin);

  const health = healthModule({ ping: () => database.ping() });
  if (health.routes) await app.register(health.routes);
  await app.register(
    async (api) => {
      for (const module of modules) if (module.routes) await api.register(module.routes);
    },
    { prefix: "/api/v1" },
  );
  await app.register(appsPlugin, { apps: config.paths.apps });

  const credentialWatch = authenticateSockets(sockets.io, {
    authenticate: auth.service.authenticate,
    liveCredentials: auth.service.liveCredentials,
    findCentre,
    ticketExists: tickets.service.publicTicketExists,
  });
  app.decorate("io", sockets.io);
  app.decorate("sweeper", {
    async sweep() {
      const expired = await tickets.expiry.run();
      await tickets.texts.sweep();
      await auth.service.dropEndedSessions();
      return expired;
    },
  });
  app.decorate("appointmentJobs", appointments.jobs);
  app.decorate("alerts", alerts.service);
  app.decorate("printing", printing.service);
  app.decorate("centres", centres);
  app.decorate("findCentre", findCentre);

  let timer: NodeJS.Timeout | undefined;
  if (deps.runJobs ?? true) {
    // A simulated clock runs fast; housekeeping keeps the same pace in its time.
    const everyMs = Math.max(1000, (config.sweepIntervalSeconds * 1000) / (config.clock?.speed ?? 1));
    app.addHook("onReady", async () => {
      timer = setInterval(() => {
        for (const module of modules) {
          module.housekeeping?.().catch((err: unknown) => app.log.warn({ err }, "housekeeping failed"));
        }
      }, everyMs);
      timer.unref();
    });
  }
  app.addHook("preClose", async () => {
    clearInterval(timer);
    for (const module of modules) module.close?.();
    credentialWatch.stop();
    sharedLimits?.stop();
    await sockets.close();
  });

  return app;
}

/**
 * Fastify's `trustProxy` from the setting. A hop count becomes the function Fastify itself makes
 * of a number (its types admit no number): the socket's address and the `hops - 1` addresses
 * before it are proxies, so the client is the address the outermost trusted proxy saw.
 */
function trustFunction(
  trust: Config["trustProxy"],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return trust;
}
