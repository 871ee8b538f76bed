/**
 * Detectors for personal data and secrets in text, shared by the "pii" and "secret" safety
 * checks and by redaction at ingestion.
 */

export const SENSITIVE_KINDS = ["email", "phone", "card", "secret"] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export interface SensitiveSpan {
  kind: SensitiveKind;
  start: number;
  /** Exclusive. */
  end: number;
}

// An address is found around each "@": the local part by scanning back at most 64 characters
// (the RFC 5321 limit), the domain by scanning forward over domain characters and matching this
// anchored pattern. Each character is looked at a bounded number of times, so long text without
// addresses costs linear time.
const MAX_LOCAL_PART_CHARS = 64;
const MAX_DOMAIN_CHARS = 10 * 64 + 24;
const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const DOMAIN_PATTERN = /^[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/u;
// An optional +country code, then groups of digits split by spaces, dots, dashes or brackets. A
// match counts only with 9 to 15 digits (E.164 allows 15), which keeps dates and amounts out.
const PHONE_PATTERN = /(?<![\w+])\+?\(?\d{1,4}\)?(?:[ .-]?\(?\d{2,4}\)?){2,5}(?!\w)/g;
const MIN_PHONE_DIGITS = 9;
const MAX_PHONE_DIGITS = 15;
// 13 to 19 digits, optionally in groups split by single spaces or dashes (ISO/IEC 7812 lengths).
const CARD_PATTERN = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

// Well-known key formats, and values assigned to a credential name such as password or api_key.
const SECRET_PATTERNS = [
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI and Anthropic API keys
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key ids
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API keys
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JSON Web Tokens
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:api[_-]?key|secret|password|passwd|access[_-]?token)\b["']?\s*[:=]\s*["']?[^\s"',;]{8,}/gi,
];

/** Luhn checksum (ISO/IEC 7812-1) over the digits of a string. */
export function isLuhnValid(value: string): boolean {
  const digits = value.replace(/\D/g, "");
  if (digits.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function collect(
  text: string,
  pattern: RegExp,
  kind: SensitiveKind,
  accept: (match: string) => boolean = () => true,
): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match[0])) {
      spans.push({ kind, start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

function countDigits(value: string): number {
  return value.replace(/\D/g, "").length;
}

function isPhoneLike(match: string): boolean {
  const digits = countDigits(match);
  return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS && /[\s.()+-]/.test(match);
}

function collectEmails(text: string): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  let previousEnd = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    const lowest = Math.max(previousEnd, at - MAX_LOCAL_PART_CHARS);
    while (start > lowest && LOCAL_PART_CHAR.test(text[start - 1]!)) start -= 1;
    if (start === at) continue;
    let end = at + 1;
    const highest = Math.min(text.length, at + 1 + MAX_DOMAIN_CHARS);
    while (end < highest && DOMAIN_CHAR.test(text[end]!)) end += 1;
    const domain = DOMAIN_PATTERN.exec(text.slice(at + 1, end));
    if (!domain) continue;
    previousEnd = at + 1 + domain[0].length;
    spans.push({ kind: "email", start, end: previousEnd });
  }
  return spans;
}

function detect(text: string, kind: SensitiveKind): SensitiveSpan[] {
  switch (kind) {
    case "email":
      return collectEmails(text);
    case "phone":
      return collect(text, PHONE_PATTERN, kind, isPhoneLike);
    case "card":
      return collect(text, CARD_PATTERN, kind, isLuhnValid);
    case "secret":
      return SECRET_PATTERNS.flatMap((pattern) => collect(text, pattern, kind));
  }
}

// Earlier kinds win an overlap: a card number is not also reported as a phone number.
const PRECEDENCE: SensitiveKind[] = ["secret", "email", "card", "phone"];

/** Index of the first span in `sorted` (by start) that starts at or after `position`. */
function findInsertIndex(sorted: SensitiveSpan[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Finds non-overlapping sensitive spans of the given kinds, ordered by position. */
export function findSensitiveSpans(
  text: string,
  kinds: readonly SensitiveKind[] = SENSITIVE_KINDS,
): SensitiveSpan[] {
  const accepted: SensitiveSpan[] = [];
  for (const kind of PRECEDENCE.filter((k) => kinds.includes(k))) {
    for (const span of detect(text, kind)) {
      // Accepted spans never overlap, so only the neighbours at the insert point can.
      const index = findInsertIndex(accepted, span.start);
      const before = accepted[index - 1];
      const after = accepted[index];
      if (before && before.end > span.start) continue;
      if (after && after.start < span.end) continue;
      accepted.splice(index, 0, span);
    }
  }
  return accepted;
}
