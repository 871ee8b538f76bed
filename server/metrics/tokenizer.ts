import { Tiktoken } from "js-tiktoken/lite";
import cl100kBase from "js-tiktoken/ranks/cl100k_base";
import o200kBase from "js-tiktoken/ranks/o200k_base";
import type { UsageDetails } from "../ingestion/events";
import { normalizeModelName } from "./model-match";

/**
 * Token estimates for generations that arrive without usage, counted with js-tiktoken.
 * OpenAI's gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and o-series models use o200k_base; everything else
 * uses cl100k_base (the gpt-3.5 / gpt-4 encoding).
 * NOTE: Claude, Gemini, Llama, Mistral and DeepSeek have their own tokenizers, so cl100k_base is
 * only an approximation for them (typically within 10-20% on English prose).
 */

type EncodingName = "o200k_base" | "cl100k_base";

// Texts longer than this are counted exactly up to it and extrapolated linearly by length, so a
// multi-megabyte output costs a bounded amount of work. Measured with js-tiktoken 1.0.21 on a
// 2-core machine for 128k characters: about 40 ms for prose, 0.3-0.5 s for base64 and up to
// 1 s for letters without spaces or digits (the worst case found).
const MAX_EXACT_CHARS = 128 * 1024;
// js-tiktoken's merge step is quadratic in the length of one pre-tokenized piece (5,000 equal
// letters take over 2 s), so long runs of letters or of symbols are counted in slices of this
// size. A slice boundary may split a token, which changes the count by at most one per slice.
const MAX_PIECE_CHARS = 32;
const LONG_RUN = /[\p{L}\p{M}]{33,}|[^\s\p{L}\p{N}]{33,}/gu;
// OpenAI's counting guide for chat models: 3 tokens of framing per message and 3 that prime
// the reply.
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY = 3;

const encoders = new Map<EncodingName, Tiktoken>();

/** Builds an encoder on first use (about 1 s for o200k_base) and keeps it for the process. */
function getEncoder(name: EncodingName): Tiktoken {
  let encoder = encoders.get(name);
  if (!encoder) {
    encoder = new Tiktoken(name === "o200k_base" ? o200kBase : cl100kBase);
    encoders.set(name, encoder);
  }
  return encoder;
}

export function selectEncoding(model: string | null | undefined): EncodingName {
  const name = normalizeModelName(model ?? "");
  return /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d)/.test(name)
    ? "o200k_base"
    : "cl100k_base";
}

function countExactly(encoder: Tiktoken, text: string): number {
  let count = 0;
  let start = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    count += encoder.encode(text.slice(start, run.index)).length;
    for (let i = 0; i < run[0].length; i += MAX_PIECE_CHARS) {
      count += encoder.encode(run[0].slice(i, i + MAX_PIECE_CHARS)).length;
    }
    start = run.index + run[0].length;
  }
  return count + encoder.encode(text.slice(start)).length;
}

/** Counts the tokens of a text, extrapolating past MAX_EXACT_CHARS (see there). */
export function countTokens(text: string, encoding: EncodingName): number {
  const encoder = getEncoder(encoding);
  if (text.length <= MAX_EXACT_CHARS) return countExactly(encoder, text);
  const sampled = countExactly(encoder, text.slice(0, MAX_EXACT_CHARS));
  return Math.round((sampled * text.length) / MAX_EXACT_CHARS);
}

interface ExtractedText {
  text: string;
  messageCount: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChatMessage(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.role === "string" && "content" in value;
}

function contentToText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return content == null ? "" : JSON.stringify(content);
  // Text parts only: image and audio parts are billed by other rules than their JSON.
  return content
    .map((part) => (isRecord(part) && typeof part.text === "string" ? part.text : ""))
    .join("");
}

function messageToText(message: Record<string, unknown>): string {
  const toolCalls = message.tool_calls ?? message.toolCalls;
  const calls = toolCalls === undefined ? "" : JSON.stringify(toolCalls);
  return `${String(message.role)}\n${contentToText(message.content)}${calls}`;
}

/** Extracts countable text: strings as they are, chat messages by their text content, anything
 * else as JSON. */
export function extractText(value: unknown): ExtractedText {
  if (value === null || value === undefined) return { text: "", messageCount: 0 };
  if (typeof value === "string") return { text: value, messageCount: 0 };
  const messages = isRecord(value) && Array.isArray(value.messages) ? value.messages : value;
  if (Array.isArray(messages) && messages.length > 0 && messages.every(isChatMessage)) {
    return { text: messages.map(messageToText).join("\n"), messageCount: messages.length };
  }
  if (isChatMessage(value)) return { text: contentToText(value.content), messageCount: 0 };
  return { text: JSON.stringify(value) ?? "", messageCount: 0 };
}

function countValue(value: unknown, encoding: EncodingName, isPrompt: boolean): number {
  const { text, messageCount } = extractText(value);
  const framing =
    isPrompt && messageCount > 0 ? messageCount * TOKENS_PER_MESSAGE + TOKENS_PER_REPLY : 0;
  return (text.length > 0 ? countTokens(text, encoding) : 0) + framing;
}

/**
 * Estimates input, output and total tokens of a generation from its stored input and output,
 * with the tokenizer of the model's family (see the file header).
 */
export function estimateUsage(
  model: string | null | undefined,
  input: unknown,
  output: unknown,
): UsageDetails {
  const encoding = selectEncoding(model);
  const inputTokens = countValue(input, encoding, true);
  const outputTokens = countValue(output, encoding, false);
  return { input: inputTokens, output: outputTokens, total: inputTokens + outputTokens };
}
