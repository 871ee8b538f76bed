import pino from "pino";
import { getEnv } from "./env";

/**
 * The server's one logger. Child loggers carry `module`, `requestId` and `projectId`. Messages
 * are constant phrases with data in fields; prompts, completions, metadata and secrets are never
 * logged, only ids, counts, sizes and durations.
 */
export const logger = pino({
  level: getEnv().LOG_LEVEL,
  base: undefined,
  redact: {
    paths: [
      "authorization",
      "*.authorization",
      "password",
      "*.password",
      "secretKey",
      "*.secretKey",
    ],
    censor: "[redacted]",
  },
});

export function moduleLogger(module: string): pino.Logger {
  return logger.child({ module });
}
