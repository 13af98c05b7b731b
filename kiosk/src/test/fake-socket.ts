import type { ServerToClientEvents } from "@dost/shared";

/**
 * A stand-in for socket.io-client's `io()`: tests see which sockets the app opened, with which
 * credentials, and push server events into them.
 */
type Listener = (...args: unknown[]) => void;

export class FakeSocket {
  readonly listeners = new Map<string, Listener[]>();
  connected = false;
  disconnected = false;
  /** socket.io stops retrying after a refused handshake; a lost connection it retries itself. */
  active = false;
  constructor(readonly auth: unknown) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  connect(): void {
    this.connected = true;
    this.fire("connect");
  }
  serverSends<E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) {
    this.fire(event, payload);
  }
  refuse(): void {
    this.fire("connect_error", new Error("UNAUTHENTICATED"));
  }
}

export const sockets: FakeSocket[] = [];

export function openSockets(): FakeSocket[] {
  return sockets.filter((s) => !s.disconnected);
}

export function fakeIo(options: { auth: unknown }): FakeSocket {
  const socket = new FakeSocket(options.auth);
  sockets.push(socket);
  return socket;
}
