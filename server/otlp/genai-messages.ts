import { parseJsonText, readPrefixed, setOwnProperty, unflatten } from "./attribute-reader";
import type { Attributes, OtlpSpan, OtlpSpanEvent } from "./types";

/**
 * Finds a span's input and output among the conventions instrumentations use, first match
 * wins: Langfuse SDK, GenAI semantic conventions (current `gen_ai.input.messages`, older
 * `gen_ai.prompt` and its indexed `gen_ai.prompt.0.content` form), OpenInference, Vercel AI
 * SDK, OpenLLMetry, and last the GenAI message events (`gen_ai.user.message`, `gen_ai.choice`).
 */

export interface FoundPayload {
  value: unknown;
  /** Attribute keys the value was read from, which metadata does not repeat. */
  keys: string[];
  /** Span events the value was read from, which metadata does not repeat. */
  events: OtlpSpanEvent[];
}

type PayloadReader = (attributes: Attributes) => FoundPayload | undefined;

const INPUT_EVENT_ROLES: Record<string, string> = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool",
};
const CHOICE_EVENT = "gen_ai.choice";
// Since GenAI semantic conventions 1.37 one event carries the whole call's messages.
const OPERATION_DETAILS_EVENT = "gen_ai.client.inference.operation.details";

const INPUT_READERS: PayloadReader[] = [
  (a) => fromKey(a, "langfuse.observation.input"),
  readSemconvInputMessages,
  (a) => fromKey(a, "gen_ai.prompt"),
  (a) => fromIndexed(a, "gen_ai.prompt"),
  (a) => fromOpenInferenceMessages(a, "llm.input_messages"),
  (a) => fromKey(a, "input.value"),
  (a) => fromKey(a, "ai.prompt.messages"),
  (a) => fromKey(a, "ai.prompt"),
  (a) => fromKey(a, "traceloop.entity.input"),
];

const OUTPUT_READERS: PayloadReader[] = [
  (a) => fromKey(a, "langfuse.observation.output"),
  (a) => fromKey(a, "gen_ai.output.messages"),
  (a) => fromKey(a, "gen_ai.completion"),
  (a) => fromIndexed(a, "gen_ai.completion"),
  (a) => fromOpenInferenceMessages(a, "llm.output_messages"),
  (a) => fromKey(a, "output.value"),
  (a) => fromKey(a, "ai.response.text"),
  (a) => fromKey(a, "ai.response.object"),
  (a) => fromKey(a, "ai.response.toolCalls"),
  (a) => fromKey(a, "ai.result.text"),
  (a) => fromKey(a, "ai.result.object"),
  (a) => fromKey(a, "traceloop.entity.output"),
];

export function readInput(span: OtlpSpan): FoundPayload | undefined {
  return (
    firstFound(span.attributes, INPUT_READERS) ??
    fromOperationDetailsEvent(span, INPUT_READERS) ??
    fromInputMessageEvents(span.events)
  );
}

export function readOutput(span: OtlpSpan): FoundPayload | undefined {
  return (
    firstFound(span.attributes, OUTPUT_READERS) ??
    fromOperationDetailsEvent(span, OUTPUT_READERS) ??
    fromChoiceEvents(span.events)
  );
}

function firstFound(attributes: Attributes, readers: PayloadReader[]) {
  for (const read of readers) {
    const found = read(attributes);
    if (found) return found;
  }
  return undefined;
}

function fromKey(attributes: Attributes, key: string): FoundPayload | undefined {
  const raw = attributes[key];
  if (raw === undefined || raw === null || raw === "") return undefined;
  return { value: parseJsonText(raw), keys: [key], events: [] };
}

/** `gen_ai.input.messages`, with `gen_ai.system_instructions` put first as a system message. */
function readSemconvInputMessages(attributes: Attributes): FoundPayload | undefined {
  const messages = fromKey(attributes, "gen_ai.input.messages");
  const instructions = fromKey(attributes, "gen_ai.system_instructions");
  if (!messages || !instructions) return messages ?? instructions;
  const systemMessage = { role: "system", parts: instructions.value };
  const rest = Array.isArray(messages.value) ? messages.value : [messages.value];
  return {
    value: [systemMessage, ...rest],
    keys: [...instructions.keys, ...messages.keys],
    events: [],
  };
}

/** Indexed attributes such as `gen_ai.prompt.0.role` and `gen_ai.prompt.0.content`. */
function fromIndexed(attributes: Attributes, prefix: string): FoundPayload | undefined {
  const flat = readPrefixed(attributes, prefix);
  const indexedKeys = Object.keys(flat).filter((key) => /^\d+\./.test(key));
  if (indexedKeys.length === 0) return undefined;
  const indexed = Object.fromEntries(indexedKeys.map((key) => [key, flat[key]!]));
  return {
    value: unflatten(indexed),
    keys: indexedKeys.map((key) => `${prefix}.${key}`),
    events: [],
  };
}

/** OpenInference `llm.input_messages.0.message.role` and friends, one object per message. */
function fromOpenInferenceMessages(attributes: Attributes, prefix: string) {
  const found = fromIndexed(attributes, prefix);
  if (!found || !Array.isArray(found.value)) return found;
  const messages = found.value.map((item: unknown) =>
    typeof item === "object" && item !== null && "message" in item ? item.message : item,
  );
  return { ...found, value: messages };
}

function fromOperationDetailsEvent(span: OtlpSpan, readers: PayloadReader[]) {
  const event = span.events.find((candidate) => candidate.name === OPERATION_DETAILS_EVENT);
  const found = event && firstFound(event.attributes, readers);
  return found ? { ...found, keys: [], events: [event] } : undefined;
}

function fromInputMessageEvents(events: OtlpSpanEvent[]): FoundPayload | undefined {
  const messageEvents = events.filter((event) => event.name in INPUT_EVENT_ROLES);
  if (messageEvents.length === 0) return undefined;
  const messages = messageEvents.map((event) => ({
    role: INPUT_EVENT_ROLES[event.name],
    ...parseEventAttributes(event),
  }));
  return { value: messages, keys: [], events: messageEvents };
}

/** `gen_ai.choice` events: one choice gives its message, several give the list of choices. */
function fromChoiceEvents(events: OtlpSpanEvent[]): FoundPayload | undefined {
  const choiceEvents = events.filter((event) => event.name === CHOICE_EVENT);
  if (choiceEvents.length === 0) return undefined;
  const choices = choiceEvents.map((event) => {
    const attributes = parseEventAttributes(event);
    return choiceEvents.length === 1 && attributes.message !== undefined
      ? attributes.message
      : attributes;
  });
  return { value: choices.length === 1 ? choices[0] : choices, keys: [], events: choiceEvents };
}

function parseEventAttributes(event: OtlpSpanEvent): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.attributes)) {
    if (key === "gen_ai.system" || key === "gen_ai.provider.name") continue;
    setOwnProperty(parsed, key, parseJsonText(value));
  }
  return parsed;
}
