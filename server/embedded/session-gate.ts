import { createConnection, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A loopback TCP proxy in front of pglite-socket that lets one client connection at a time talk
 * to the database, from its first message until the server reports the session idle again
 * (ReadyForQuery with status 'I'). PGlite runs all connections in one backend session, and
 * pglite-socket forwards network chunks as they arrive, so without this gate the Parse, Bind and
 * Execute messages of two connections interleave and corrupt each other's queries.
 * A transaction keeps the gate until it ends. Code that waits on a second connection inside a
 * transaction therefore deadlocks here; the app uses one connection per process (see launcher.ts).
 */

// Backend message ReadyForQuery: 'Z', int32 length 5, status byte.
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

export interface SessionGate {
  port: number;
  close(): Promise<void>;
}

class GateLock {
  private holder: Socket | null = null;
  private readonly waiting: Array<{ client: Socket; grant: () => void }> = [];

  acquire(client: Socket, grant: () => void): void {
    if (this.holder === client) return grant();
    if (!this.holder) {
      this.holder = client;
      return grant();
    }
    if (!this.waiting.some((w) => w.client === client)) this.waiting.push({ client, grant });
  }

  release(client: Socket): void {
    const index = this.waiting.findIndex((w) => w.client === client);
    if (index >= 0) this.waiting.splice(index, 1);
    if (this.holder !== client) return;
    const next = this.waiting.shift();
    this.holder = next?.client ?? null;
    next?.grant();
  }
}

/** Scans the framed backend stream (type byte, int32 length, payload) for an idle ReadyForQuery. */
class BackendScanner {
  private buffer = Buffer.alloc(0);

  endsIdle(chunk: Buffer): boolean {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let idle = false;
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) break;
      if (this.buffer[0] === READY_FOR_QUERY) idle = this.buffer[5] === IDLE;
      this.buffer = this.buffer.subarray(1 + length);
    }
    return idle;
  }
}

function gateConnection(client: Socket, upstreamPort: number, lock: GateLock): void {
  const upstream = createConnection({ host: "127.0.0.1", port: upstreamPort });
  const scanner = new BackendScanner();
  const pending: Buffer[] = [];
  let holding = false;

  const flush = () => {
    holding = true;
    for (const chunk of pending.splice(0)) upstream.write(chunk);
  };
  client.on("data", (chunk: Buffer) => {
    pending.push(chunk);
    if (holding) flush();
    else lock.acquire(client, flush);
  });
  upstream.on("data", (chunk: Buffer) => {
    client.write(chunk);
    if (scanner.endsIdle(chunk) && pending.length === 0) {
      holding = false;
      lock.release(client);
    }
  });
  const close = () => {
    lock.release(client);
    client.destroy();
    upstream.destroy();
  };
  client.on("close", close);
  upstream.on("close", close);
  client.on("error", close);
  upstream.on("error", close);
}

/** Starts the gate on a free loopback port, forwarding to pglite-socket at `upstreamPort`. */
export async function startSessionGate(upstreamPort: number): Promise<SessionGate> {
  const lock = new GateLock();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    gateConnection(client, upstreamPort, lock);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
