import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export interface AppsOptions {
  apps: { kiosk: string; display: string; console: string };
}

/**
 * Serves the three built apps. Each is a single-page app, so any path under its prefix that is not
 * a file (such as /kiosk/t/<id>) gets its index.html. /waits/ is the kiosk's public waits page.
 */
export const appsPlugin = fp<AppsOptions>(
  async (app: FastifyInstance, { apps }) => {
    const mounts = [
      { prefix: "/kiosk/", root: apps.kiosk },
      { prefix: "/display/", root: apps.display },
      { prefix: "/console/", root: apps.console },
    ];
    let first = true;
    for (const { prefix, root } of mounts) {
      const bare = prefix.slice(0, -1);
      app.get(bare, { config: { access: { public: true } } }, (_req, reply) => reply.redirect(prefix));
      if (!existsSync(path.join(root, "index.html"))) {
        app.get(`${prefix}*`, { config: { access: { public: true } } }, (_req, reply) =>
          reply
            .code(503)
            .type("text/plain")
            .send(`This app is not built yet: run "npm run build" at the repository root.`),
        );
        continue;
      }
      await app.register(fastifyStatic, {
        root,
        prefix,
        wildcard: false,
        decorateReply: first,
        index: false,
        cacheControl: false,
        setHeaders: (res, file) => {
          // Vite fingerprints everything under assets/, so those may be cached for good.
          res.header(
            "cache-control",
            file.includes(`${path.sep}assets${path.sep}`)
              ? "public, max-age=31536000, immutable"
              : "no-cache",
          );
        },
      });
      first = false;
      app.get(`${prefix}*`, { config: { access: { public: true } } }, (_req, reply) =>
        reply.header("cache-control", "no-cache").sendFile("index.html", root),
      );
    }
    // The public waits page (open data) is a page of the kiosk's bundle, at a short address anyone
    // can type; its scripts and styles load from /kiosk/assets/ as the bundle's own paths say.
    app.get("/waits", { config: { access: { public: true } } }, (_req, reply) => reply.redirect("/waits/"));
    app.get("/waits/", { config: { access: { public: true } } }, (_req, reply) =>
      existsSync(path.join(apps.kiosk, "index.html")) && !first
        ? reply.header("cache-control", "no-cache").sendFile("index.html", apps.kiosk)
        : reply
            .code(503)
            .type("text/plain")
            .send(`This app is not built yet: run "npm run build" at the repository root.`),
    );
    app.get("/", { config: { access: { public: true } } }, (_req, reply) => reply.redirect("/console/"));
  },
  { name: "apps" },
);
