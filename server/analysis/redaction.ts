import { createHmac } from "node:crypto";
import { findSensitiveSpans, SENSITIVE_KINDS, type SensitiveKind } from "./sensitive-data";

/**
 * Redaction of personal data and secrets before they are stored. "mask" replaces each finding
 * with `[REDACTED:KIND]`. "hash" replaces it with `[KIND:` + the first 16 hex digits of
 * HMAC-SHA256(project salt, value) + `]`, so equal values stay joinable without being readable.
 * With the "secret" detector on, a string stored under a credential-like key (password, token,
 * api_key, ...) is replaced whole, whatever its shape.
 */

export const REDACTION_MODES = ["off", "mask", "hash"] as const;
export type RedactionMode = (typeof REDACTION_MODES)[number];

export interface RedactionSettings {
  mode: RedactionMode;
  detectors: readonly SensitiveKind[];
  /** Secret of the project for "hash"; never shown or logged. */
  salt: string;
}

export const DEFAULT_DETECTORS: readonly SensitiveKind[] = SENSITIVE_KINDS;

const CREDENTIAL_KEY_PATTERN =
  /^(?:pass(?:word|wd)?|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|authorization|private[_-]?key)$/i;

function replacementFor(kind: SensitiveKind, value: string, settings: RedactionSettings): string {
  const label = kind.toUpperCase();
  if (settings.mode === "mask") return `[REDACTED:${label}]`;
  const digest = createHmac("sha256", settings.salt).update(value).digest("hex").slice(0, 16);
  return `[${label}:${digest}]`;
}

/** Redacts the findings in one string; returns it unchanged when nothing matched. */
export function redactText(text: string, settings: RedactionSettings): string {
  if (settings.mode === "off" || settings.detectors.length === 0) return text;
  const spans = findSensitiveSpans(text, settings.detectors);
  if (spans.length === 0) return text;
  let result = "";
  let position = 0;
  for (const span of spans) {
    const value = text.slice(span.start, span.end);
    result += text.slice(position, span.start) + replacementFor(span.kind, value, settings);
    position = span.end;
  }
  return result + text.slice(position);
}

/**
 * Redacts every string of a JSON value and returns a new value; the input is not changed.
 * Ingestion caps nesting at MAX_JSON_DEPTH (sanitize.ts), which bounds the recursion here.
 */
export function redactJson(value: unknown, settings: RedactionSettings): unknown {
  if (settings.mode === "off") return value;
  return redactValue(value, settings, null);
}

function redactValue(value: unknown, settings: RedactionSettings, key: string | null): unknown {
  if (typeof value === "string") {
    if (key !== null && settings.detectors.includes("secret") && CREDENTIAL_KEY_PATTERN.test(key)) {
      return value === "" ? value : replacementFor("secret", value, settings);
    }
    return redactText(value, settings);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, settings, null));
  if (typeof value === "object" && value !== null) {
    // fromEntries defines own properties, so a "__proto__" key stays a key.
    return Object.fromEntries(
      Object.entries(value).map(([entryKey, entryValue]) => [
        entryKey,
        redactValue(entryValue, settings, entryKey),
      ]),
    );
  }
  return value;
}
