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
 * The shared session also keeps named prepared statements after their connection closes, so the
 * gate deallocates them then, as a Postgres server does when a session ends.
 */

// Backend message ReadyForQuery: 'Z', int32 length 5, status byte.
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;
// Frontend messages Parse ('P': statement name first) and Close ('C': 'S' for a statement).
const PARSE = 0x50;
const CLOSE = 0x43;
const CLOSE_STATEMENT = 0x53;
const QUERY = 0x51;
// The start-up packet and the SSL and cancel requests carry no type byte: int32 length first.
const PROTOCOL_3 = 196608;

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

/** Scans the framed backend stream (type byte, int32 length, payload) for ReadyForQuery. */
class BackendScanner {
  private buffer = Buffer.alloc(0);
  /** ReadyForQuery messages seen so far. */
  readyCount = 0;

  endsIdle(chunk: Buffer): boolean {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let idle = false;
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) break;
      if (this.buffer[0] === READY_FOR_QUERY) {
        idle = this.buffer[5] === IDLE;
        this.readyCount += 1;
      }
      this.buffer = this.buffer.subarray(1 + length);
    }
    return idle;
  }
}

function readCString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString("utf8", start, end < 0 ? buffer.length : end);
}

/** Scans the frontend stream for the named prepared statements the connection has open. */
class StatementTracker {
  private buffer = Buffer.alloc(0);
  private started = false;
  readonly names = new Set<string>();

  scan(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (!this.started && this.buffer.length >= 8) {
      const length = this.buffer.readInt32BE(0);
      if (this.buffer.length < length) return;
      this.started = this.buffer.readInt32BE(4) === PROTOCOL_3;
      this.buffer = this.buffer.subarray(length);
    }
    while (this.started && this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      this.record(this.buffer.subarray(0, 1 + length));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }

  private record(message: Buffer): void {
    if (message[0] === PARSE) {
      const name = readCString(message, 5);
      if (name) this.names.add(name);
    } else if (message[0] === CLOSE && message[5] === CLOSE_STATEMENT) {
      this.names.delete(readCString(message, 6));
    }
  }
}

function simpleQuery(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const header = Buffer.alloc(5);
  header[0] = QUERY;
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}

function deallocateStatements(names: Iterable<string>): Buffer[] {
  return [...names].map((name) => simpleQuery(`DEALLOCATE "${name.replaceAll('"', '""')}"`));
}

function gateConnection(client: Socket, upstreamPort: number, lock: GateLock): void {
  const upstream = createConnection({ host: "127.0.0.1", port: upstreamPort });
  const scanner = new BackendScanner();
  const statements = new StatementTracker();
  const pending: Buffer[] = [];
  let holding = false;
  let cleanupReadyCount: number | null = null;

  const flush = () => {
    holding = true;
    for (const chunk of pending.splice(0)) upstream.write(chunk);
  };
  const close = () => {
    lock.release(client);
    client.destroy();
    upstream.destroy();
  };
  // Runs once the client is gone: the upstream stays open until its statements are freed.
  const cleanUp = () => {
    if (cleanupReadyCount !== null) return;
    if (statements.names.size === 0 || upstream.destroyed) return close();
    const queries = deallocateStatements(statements.names);
    lock.acquire(client, () => {
      cleanupReadyCount = scanner.readyCount + queries.length;
      for (const query of queries) upstream.write(query);
    });
  };

  client.on("data", (chunk: Buffer) => {
    statements.scan(chunk);
    pending.push(chunk);
    if (holding) flush();
    else lock.acquire(client, flush);
  });
  upstream.on("data", (chunk: Buffer) => {
    if (!client.destroyed) client.write(chunk);
    const idle = scanner.endsIdle(chunk);
    if (cleanupReadyCount !== null) {
      if (scanner.readyCount >= cleanupReadyCount) close();
    } else if (idle && pending.length === 0) {
      holding = false;
      lock.release(client);
    }
  });
  client.on("close", cleanUp);
  client.on("error", cleanUp);
  upstream.on("close", close);
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
