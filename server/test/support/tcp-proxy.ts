import net, { type AddressInfo } from "node:net";

/**
 * A TCP proxy in front of the real PostgreSQL that a test can cut and restore, as a database
 * restart or a network fault would: `cut()` drops every open connection at once (mid-query,
 * mid-transaction) and refuses new ones until `restore()`. The machine's PostgreSQL itself is
 * never touched (others use it).
 */
export interface TcpProxy {
  port: number;
  /** Connections dropped so far by cuts. */
  dropped: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  // Each connection from the server, with its connection to PostgreSQL.
  const open = new Map<net.Socket, net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    open.set(client, upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const proxy: TcpProxy = {
    port,
    dropped: 0,
    async cut() {
      const closed = new Promise<void>((r) => server.close(() => r()));
      // Reset, not a polite end: the server side of a crashed database sends nothing more.
      for (const [client, upstream] of open) {
        proxy.dropped++;
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      }
      open.clear();
      await closed;
    },
    async restore() {
      await listen(port);
    },
    async close() {
      for (const [client, upstream] of open) {
        client.destroy();
        upstream.destroy();
      }
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return proxy;
}
