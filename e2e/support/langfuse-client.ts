import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { Langfuse } from "langfuse";
import { E2E_BASE_URL } from "../../playwright.config";

export interface SdkClient {
  langfuse: Langfuse;
  /** Errors the SDK reported while sending, e.g. a rejected request. */
  errors: unknown[];
}

/**
 * A suffix no earlier run produced: the database is shared between runs and test suites, so
 * every journey names its own traces and users with it and asserts only on those.
 */
export function createRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

/** The `langfuse` v3 SDK pointed at the server under test, buffering until shutdown. */
export function createSdkClient(keys: { publicKey: string; secretKey: string }): SdkClient {
  const langfuse = new Langfuse({
    publicKey: keys.publicKey,
    secretKey: keys.secretKey,
    baseUrl: E2E_BASE_URL,
    flushAt: 1000,
    flushInterval: 60_000,
    requestTimeout: 10_000,
  });
  const errors: unknown[] = [];
  langfuse.on("error", (error) => errors.push(error));
  return { langfuse, errors };
}

/** Sends everything buffered, closes the client and fails when the SDK reported an error. */
export async function shutdownSdkClient({ langfuse, errors }: SdkClient): Promise<void> {
  await langfuse.shutdownAsync();
  expect(errors, "errors reported by the langfuse SDK").toEqual([]);
}
