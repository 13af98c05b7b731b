import type { FastifyPluginAsync } from "fastify";

/**
 * What a feature module gives the app: its service (other modules reach it only through this), its
 * routes as an encapsulated plugin registered under /api/v1, and the housekeeping it needs run.
 * Each module's index.ts builds one from narrow dependencies; app.ts wires them together.
 */
export interface FeatureModule<S> {
  service: S;
  routes?: FastifyPluginAsync;
  /** Periodic work, run by the app's housekeeping timer (and by tests, by hand). */
  housekeeping?: () => Promise<unknown>;
  /** Stops timers the module keeps; called when the app closes. */
  close?: () => void;
}
