import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { createAppointmentJobs, type AppointmentJobs } from "./jobs/appointment-jobs.js";
import { createSweeper, type Sweeper } from "./jobs/sweeper.js";
import { scaledClock, systemClock, type Clock } from "./lib/clock.js";
import { adminRoutes, createAdminService } from "./modules/admin/index.js";
import { appointmentRoutes } from "./modules/appointments/appointments.routes.js";
import { createAppointmentService } from "./modules/appointments/appointments.service.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { createAuthService } from "./modules/auth/auth.service.js";
import { catalogRoutes } from "./modules/catalog/catalog.routes.js";
import { createCatalogService } from "./modules/catalog/catalog.service.js";
import {
  createCentreDirectory,
  type CentreDirectory,
  type CentreRecord,
} from "./modules/catalog/centre-directory.js";
import { counterRoutes } from "./modules/counters/counters.routes.js";
import { countersRepository } from "./modules/counters/counters.repository.js";
import { createCounterService } from "./modules/counters/counters.service.js";
import { displayRoutes } from "./modules/display/display.routes.js";
import { createDisplayService } from "./modules/display/display.service.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { createDispatcher } from "./modules/notifications/dispatcher.js";
import { createLogGateway, type NotificationGateway } from "./modules/notifications/gateway.js";
import { statsRoutes } from "./modules/stats/stats.routes.js";
import { createStatsService } from "./modules/stats/stats.service.js";
import { createQueueAnnouncer } from "./modules/tickets/queue-announcer.js";
import { ticketRoutes } from "./modules/tickets/tickets.routes.js";
import { ticketsRepository } from "./modules/tickets/tickets.repository.js";
import { createTicketService } from "./modules/tickets/tickets.service.js";
import { accessPlugin } from "./plugins/access.js";
import { appsPlugin } from "./plugins/apps.js";
import { docsPlugin } from "./plugins/docs.js";
import { errorsPlugin } from "./plugins/errors.js";
import { createMetrics } from "./plugins/metrics/index.js";
import { createSocketPublisher, type Publisher, type SocketServer } from "./plugins/realtime/publisher.js";
import { createSocketServer } from "./plugins/realtime/socket-server.js";

export interface AppDeps {
  database: Database;
  clock?: Clock;
  /** Pass false in tests that drive the sweeper by hand. */
  runJobs?: boolean;
  logger?: boolean | object;
  /** Where texts to citizens go; the log gateway by default. */
  gateway?: NotificationGateway;
}

declare module "fastify" {
  interface FastifyInstance {
    io: SocketServer;
    sweeper: Sweeper;
    appointmentJobs: AppointmentJobs;
    centres: CentreDirectory;
    /** A centre by id or code, read outside any transaction (tests, plugins). */
    findCentre(ref: string): Promise<CentreRecord | null>;
  }
}

/** Builds the whole server (API, socket.io, the apps) without listening: tests inject or listen on port 0. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const { database } = deps;
  const db = database.db;
  const clock =
    deps.clock ?? (config.clock ? scaledClock(config.clock.start, config.clock.speed) : systemClock);

  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Nothing here needs a request id from outside; a generated one keeps logs unambiguous.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const centres = createCentreDirectory({ ttlMs: config.configCacheMs, today: () => clock.now() });
  const findCentre = (ref: string) => centres.find(db, ref);
  const metrics = createMetrics({ token: config.metricsToken, db, clock, centres });
  // The publisher needs the socket server, which needs the auth service: wire through a late binding.
  const late: { publisher?: Publisher } = {};
  const publisher: Publisher = {
    publish: (events) => late.publisher?.publish(events),
    disconnectSession: (id) => late.publisher?.disconnectSession(id),
    disconnectUser: (id) => late.publisher?.disconnectUser(id),
    disconnectDevice: (id) => late.publisher?.disconnectDevice(id),
  };
  const auth = createAuthService({
    db,
    clock,
    publisher,
    sessionTtlHours: config.sessionTtlHours,
    deviceCacheMs: config.configCacheMs,
  });
  const announcer = createQueueAnnouncer({ db, clock, publisher, centres });
  const tickets = metrics.observeTickets(createTicketService({ db, clock, centres, announcer }));
  const counters = createCounterService({ db, clock, centres, announcer });
  const catalog = createCatalogService({ db, clock, centres });
  const display = createDisplayService({ db, clock, directory: centres, publisher });
  const sweeper = createSweeper({ db, clock, centres, announcer });
  const appointments = createAppointmentService({
    db,
    clock,
    centres,
    tickets,
    checkIn: {
      beforeMinutes: config.appointments.checkInBeforeMinutes,
      afterMinutes: config.appointments.checkInAfterMinutes,
    },
  });
  const stats = createStatsService({ db, clock, centres });
  const admin = createAdminService({
    db,
    clock,
    centres,
    publisher,
    forgetDevices: () => auth.forgetDevices(),
    publicUrl: config.publicUrl ?? null,
  });
  const dispatcher = createDispatcher({ db, clock, gateway: deps.gateway ?? createLogGateway(app.log) });
  const appointmentJobs = createAppointmentJobs({
    db,
    clock,
    centres,
    dispatcher,
    checkInAfterMinutes: config.appointments.checkInAfterMinutes,
    retentionDays: config.appointments.retentionDays,
    turnNearPosition: config.appointments.turnNearPosition,
  });

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
  await app.register(rateLimit, { global: false });
  await app.register(accessPlugin, {
    auth,
    findCentre,
    counterCentre: (id) => countersRepository.centreOf(db, id),
    ticketCentre: (id) => ticketsRepository.centreOf(db, id),
  });
  await app.register(docsPlugin);

  await app.register(healthRoutes, { ping: () => database.ping() });
  await app.register(
    async (api) => {
      const publicPerMinute = config.rateLimit.publicPerMinute;
      await api.register(authRoutes, {
        auth,
        loginPerMinute: config.rateLimit.loginPerMinute,
        secureCookies: config.trustProxy || config.env === "production",
        publicUrl: config.publicUrl ?? null,
      });
      await api.register(catalogRoutes, { catalog, publicPerMinute });
      await api.register(ticketRoutes, { tickets, publicPerMinute });
      await api.register(counterRoutes, { counters });
      await api.register(displayRoutes, { display });
      await api.register(statsRoutes, { stats });
      await api.register(appointmentRoutes, {
        appointments,
        publicPerMinute,
        bookingPerMinute: config.rateLimit.bookingPerMinute,
      });
      await api.register(adminRoutes, { admin, pairPerMinute: config.rateLimit.pairPerMinute });
    },
    { prefix: "/api/v1" },
  );
  await app.register(appsPlugin, { apps: config.paths.apps });

  const sockets = await createSocketServer(app.server, {
    auth,
    findCentre,
    pool: database.listenerPool(),
    redisUrl: config.redisUrl,
    ticketExists: async (publicId) => (await ticketsRepository.findByPublicId(db, publicId)) !== null,
  });
  late.publisher = metrics.observePublisher(createSocketPublisher(sockets.io));
  app.decorate("io", sockets.io);
  app.decorate("sweeper", sweeper);
  app.decorate("appointmentJobs", appointmentJobs);
  app.decorate("centres", centres);
  app.decorate("findCentre", findCentre);

  let timer: NodeJS.Timeout | undefined;
  if (deps.runJobs ?? true) {
    // A simulated clock runs fast; housekeeping keeps the same pace in its time.
    const everyMs = Math.max(1000, (config.sweepIntervalSeconds * 1000) / (config.clock?.speed ?? 1));
    app.addHook("onReady", async () => {
      timer = setInterval(() => {
        sweeper.sweep().catch((err: unknown) => app.log.warn({ err }, "sweep failed"));
        appointmentJobs.run().catch((err: unknown) => app.log.warn({ err }, "appointment jobs failed"));
      }, everyMs);
      timer.unref();
    });
  }
  app.addHook("preClose", async () => {
    clearInterval(timer);
    announcer.close();
    await sockets.close();
  });

  return app;
}
