/**
 * Nesting depth of the JSON values that read tests store straight into jsonb columns. On a
 * Postgres server it is 10 000 levels, deep enough to overflow recursive JSON code in Node. The
 * embedded database (PGlite, a WebAssembly build with a smaller stack) stops responding when it
 * parses jsonb that deep, so there it is 1 000 levels. Ingestion stores values deeper than
 * 1 000 levels as text, so only rows seeded by hand ever reach the larger depth.
 */
export const DEEP_JSON_LEVELS = process.env.DRIFTWATCH_TEST_EMBEDDED === "1" ? 1_000 : 10_000;
