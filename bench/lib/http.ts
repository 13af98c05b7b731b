import http from "node:http";

export interface ApiResponse {
  status: number;
  body: unknown;
}

/**
 * A small JSON client over keep-alive connections (as a kiosk or a console would hold them), with
 * less overhead per request than fetch, so the load generator leaves the cores to the server.
 */
export class ApiClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  /** `prefix` is put before every path: the API's version, or nothing for the bare socket.io server. */
  constructor(
    baseUrl: string,
    maxSockets = 64,
    private readonly prefix = "/api/v1",
  ) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(
    method: "GET" | "POST",
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<ApiResponse> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path: `${this.prefix}${path}`,
          headers: {
            accept: "application/json",
            ...(payload === undefined
              ? {}
              : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
            ...options.headers,
          },
          timeout: options.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = text;
            try {
              body = text ? (JSON.parse(text) as unknown) : null;
            } catch {
              // Not JSON: keep the text for the error message.
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** The body of a 2xx answer, or an error that says what came back instead. */
  async expect<T>(
    method: "GET" | "POST",
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const res = await this.request(method, path, options);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    return res.body as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
