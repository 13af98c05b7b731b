import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../src/config.js";
import { serverDir } from "./support/processes.js";

/**
 * Docker does not run here, so the deployment files are read as data and held to what production
 * needs: no demo, secrets from the environment, health checks, a volume, several replicas behind a
 * load balancer that passes WebSockets and keeps polling clients on one replica. The Caddyfile is
 * also adapted and validated by Caddy itself where it is installed (CI installs it).
 */
const root = path.resolve(serverDir, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] | string };
  restart?: string;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
  profiles?: string[];
  secrets?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean; ipam?: { config: { subnet: string }[] } }>;
  secrets?: Record<string, { environment?: string }>;
}

const production = parse(read("deploy/docker-compose.production.yml")) as Compose;
const demo = parse(read("docker-compose.yml")) as Compose;
const monitoring = parse(read("deploy/docker-compose.monitoring.yml")) as Compose;
const server = production.services.server!;
const env = server.environment!;

/** The value compose would use when the variable is unset: `${NAME:-default}` → default. */
const defaultOf = (value: string) => /^\$\{\w+:-([^}]*)\}$/.exec(value)?.[1];
/** `${NAME:?message}`: compose refuses to start without it. */
const isRequiredVariable = (value: string) => /\$\{\w+:\?[^}]+\}/.test(value);

describe("the production compose file", () => {
  it("runs the server in production, without the demo", () => {
    expect(env.NODE_ENV).toBe("production");
    expect(["false", "0", undefined]).toContain(env.SEED_DEMO);
    const everything = JSON.stringify(production);
    expect(everything).not.toMatch(/demo-(kiosk|display)|dost-demo|SEED_DEMO["']?:\s*["']?(true|1)/);
  });

  it("keeps every secret out of the file: required variables, no defaults", () => {
    const postgres = production.services.postgres!.environment!;
    expect(isRequiredVariable(postgres.POSTGRES_PASSWORD!)).toBe(true);
    expect(isRequiredVariable(env.DATABASE_URL!)).toBe(true);
    expect(env.DATABASE_URL).toMatch(
      /^postgres:\/\/dost:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/dost$/,
    );
    expect(isRequiredVariable(env.METRICS_TOKEN!)).toBe(true);
    for (const service of Object.values({ ...production.services, ...monitoring.services })) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|TOKEN|SECRET|KEY/.test(name)) expect(isRequiredVariable(value), name).toBe(true);
      }
    }
  });

  it("keeps PostgreSQL 17's data in a volume, checks its health, and restarts everything", () => {
    const postgres = production.services.postgres!;
    expect(postgres.image).toMatch(/^postgres:17(\.|$|-)/);
    const data = postgres.volumes!.find((v) => v.endsWith(":/var/lib/postgresql/data"))!;
    expect(Object.keys(production.volumes ?? {})).toContain(data.split(":")[0]);
    expect(JSON.stringify(postgres.healthcheck!.test)).toContain("pg_isready");
    for (const [name, service] of Object.entries(production.services)) {
      expect(service.restart, name).toMatch(/^(always|unless-stopped)$/);
    }
    // PostgreSQL faces only the servers' network, which has no way out.
    expect(postgres.ports).toBeUndefined();
    expect(postgres.networks).toEqual(["back"]);
    expect(production.networks!.back!.internal).toBe(true);
  });

  it("runs two or more healthy replicas, reachable only through the load balancer", () => {
    expect(server.deploy!.replicas).toBeGreaterThanOrEqual(2);
    expect(server.ports).toBeUndefined();
    expect(JSON.stringify(server.healthcheck!.test)).toContain("/health");
    expect(server.depends_on!.postgres!.condition).toBe("service_healthy");
    // The replicas take the same settings the server validates at start.
    expect(() =>
      loadConfig({
        NODE_ENV: env.NODE_ENV,
        PORT: env.PORT,
        HOST: env.HOST,
        SEED_DEMO: env.SEED_DEMO,
        DB_POOL_SIZE: defaultOf(env.DB_POOL_SIZE!),
        LOG_LEVEL: defaultOf(env.LOG_LEVEL!),
        REDIS_URL: defaultOf(env.REDIS_URL!),
      }),
    ).not.toThrow();
    expect(loadConfig({ NODE_ENV: env.NODE_ENV, SEED_DEMO: env.SEED_DEMO }).seedDemo).toBe(false);
  });

  it("trusts X-Forwarded-For from the load balancer's own address only", () => {
    const caddy = production.services.caddy!;
    const front = (caddy.networks as Record<string, { ipv4_address: string }>).front!;
    expect(env.TRUST_PROXY).toBe(front.ipv4_address);
    const proxyIp = defaultOf(front.ipv4_address)!;
    const subnet = defaultOf(production.networks!.front!.ipam!.config[0]!.subnet)!;
    expect(subnet).toMatch(/^\d+\.\d+\.\d+\.0\/24$/);
    expect(proxyIp.startsWith(subnet.replace(/0\/24$/, ""))).toBe(true);
  });

  it("puts Caddy in front with TLS ports, its Caddyfile, and kept certificates", () => {
    const caddy = production.services.caddy!;
    expect(caddy.image).toMatch(/^caddy:2\.\d+/);
    expect(caddy.ports).toEqual(expect.arrayContaining(["80:80", "443:443"]));
    expect(caddy.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(caddy.volumes!.some((v) => v.endsWith(":/data"))).toBe(true);
    expect(caddy.depends_on!.server!.condition).toBe("service_healthy");
    expect(isRequiredVariable(caddy.environment!.DOST_SITE_ADDRESS!)).toBe(true);
  });

  it("offers Redis for the Streams adapter as an opt-in profile", () => {
    expect(production.services.redis!.profiles).toEqual(["redis"]);
    expect(env.REDIS_URL).toBe("${REDIS_URL:-}");
  });

  it("lets Prometheus find every replica and present the metrics token", () => {
    const config = parse(read("deploy/prometheus.yml")) as {
      scrape_configs: {
        dns_sd_configs: { names: string[]; type: string; port: number }[];
        authorization: { type: string; credentials_file: string };
      }[];
    };
    const job = config.scrape_configs[0]!;
    expect(job.dns_sd_configs[0]).toMatchObject({ names: ["server"], type: "A", port: Number(env.PORT) });
    expect(job.authorization).toEqual({ type: "Bearer", credentials_file: "/run/secrets/metrics_token" });
    expect(monitoring.services.prometheus!.secrets).toContain("metrics_token");
    expect(monitoring.secrets!.metrics_token).toEqual({ environment: "METRICS_TOKEN" });
  });
});

describe("the demo compose file", () => {
  it("says it is the demo, and runs development on purpose", () => {
    expect(read("docker-compose.yml").split("\n")[0]).toMatch(/^# THE DEMO, not a deployment/);
    expect(demo.services.server!.environment!.NODE_ENV).toBe("development");
  });
});

/** The Caddyfile's directives with their arguments, comments and blank lines dropped. */
function caddyDirectives(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter(Boolean);
}

const caddyBinary = spawnSync("caddy", ["version"]).status === 0 ? "caddy" : null;

describe("the Caddyfile", () => {
  const text = read("deploy/Caddyfile");
  const lines = caddyDirectives(text);

  it("balances over the compose service's replicas with a sticky cookie, and hides /metrics", () => {
    expect(lines).toContain(`dynamic a server ${env.PORT} {`);
    expect(lines).toContain("lb_policy cookie dost_lb");
    expect(lines).toContain("@metrics path /metrics /metrics/*");
    expect(lines).toContain("{$DOST_SITE_ADDRESS} {");
    // Nothing that would cut long-lived WebSockets short or stop Upgrade requests.
    expect(text).not.toMatch(/stream_timeout|header_up\s+-?(Connection|Upgrade)/i);
    expect(lines.filter((l) => l === "{").length + lines.filter((l) => l.endsWith(" {")).length).toBe(
      lines.filter((l) => l === "}").length,
    );
  });

  it.skipIf(!caddyBinary)("is a configuration Caddy adapts and validates as intended", () => {
    const caddyEnv = { ...process.env, DOST_SITE_ADDRESS: "queue.example.az" };
    const file = path.join(root, "deploy/Caddyfile");
    const adapted = execFileSync(caddyBinary!, ["adapt", "--config", file, "--adapter", "caddyfile"], {
      env: caddyEnv,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const json = JSON.stringify(JSON.parse(adapted));
    expect(json).toContain(
      `"dynamic_upstreams":{"name":"server","port":"${env.PORT}","refresh":5000000000,"source":"a"}`,
    );
    expect(json).toContain('"selection_policy":{"name":"dost_lb","policy":"cookie"}');
    expect(json).toContain('"handler":"static_response","status_code":404');
    const validated = spawnSync(caddyBinary!, ["validate", "--config", file, "--adapter", "caddyfile"], {
      env: caddyEnv,
      encoding: "utf8",
    });
    expect(validated.status, validated.stderr).toBe(0);
  });
});
