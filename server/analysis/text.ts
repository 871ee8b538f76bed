/**
 * Plain text of a stored input or output, for the measures. Chat messages contribute their
 * content, OpenAI content parts their text, other objects every string they contain.
 */

/** Text past this length is not analysed, which bounds the work per generation. */
export const MAX_ANALYZED_CHARS = 50_000;
const MAX_DEPTH = 64;

// Keys whose strings are structure rather than text, such as a message's role.
const SKIPPED_KEYS = new Set(["role", "type", "id", "name", "model", "finish_reason", "logprobs"]);

interface Pending {
  value: unknown;
  depth: number;
}

/** Collects the strings of a JSON value in document order, stopping at MAX_ANALYZED_CHARS. */
export function extractText(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  // An explicit stack instead of recursion, so deeply nested payloads cannot overflow it.
  const stack: Pending[] = [{ value, depth: 0 }];
  while (stack.length > 0 && length < MAX_ANALYZED_CHARS) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === "string") {
      parts.push(current);
      length += current.length + 1;
    } else if (depth < MAX_DEPTH && Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) {
        stack.push({ value: current[i], depth: depth + 1 });
      }
    } else if (depth < MAX_DEPTH && typeof current === "object" && current !== null) {
      const entries = Object.entries(current).filter(([key]) => !SKIPPED_KEYS.has(key));
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        stack.push({ value: entries[i]![1], depth: depth + 1 });
      }
    }
  }
  return parts.join("\n").slice(0, MAX_ANALYZED_CHARS);
}

/** The text of the last user message of a chat input, or all of the input's text otherwise. */
export function extractPromptText(input: unknown): string {
  const messages = Array.isArray(input)
    ? input
    : typeof input === "object" &&
        input !== null &&
        Array.isArray((input as { messages?: unknown }).messages)
      ? (input as { messages: unknown[] }).messages
      : null;
  if (messages) {
    const userMessages = messages.filter(
      (message) => (message as { role?: unknown } | null)?.role === "user",
    );
    if (userMessages.length > 0) return extractText(userMessages.at(-1));
  }
  return extractText(input);
}
