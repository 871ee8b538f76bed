import { randomBytes } from "node:crypto";

// The embedded database (PGlite) runs every connection in one backend session, so two
// processes that prepare the same statement name collide ("prepared statement already
// exists"). A suffix unique to this process keeps their names apart; on a Postgres server,
// where each connection has its own session, it changes nothing.
const PROCESS_TOKEN = randomBytes(4).toString("hex");

/** Returns the name under which this process prepares the statement `base`. */
export function preparedStatementName(base: string): string {
  return `${base}_${PROCESS_TOKEN}`;
}
