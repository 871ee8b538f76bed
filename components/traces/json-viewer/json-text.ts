/**
 * Helpers for showing stored JSON values that may be huge or nested thousands of levels deep.
 * Nothing here recurses: V8's JSON.parse is iterative, but JSON.stringify and naive tree walks
 * overflow the stack at about 10 000 levels.
 */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function isJsonContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

function scalarText(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return String(value);
  return "null";
}

export interface StringifyOptions {
  /** Spaces per level; 0 for compact output. */
  indent?: number;
  /** Output stops here and `truncated` is set. */
  maxChars?: number;
  /** Indentation stops growing past this depth so deep values stay readable. */
  maxIndentDepth?: number;
}

export interface BoundedText {
  text: string;
  truncated: boolean;
}

interface Frame {
  entries: [string | null, unknown][];
  index: number;
  depth: number;
  close: string;
}

/** Serialises like JSON.stringify with an explicit stack, stopping after `maxChars`. */
export function stringifyJsonBounded(value: unknown, options: StringifyOptions = {}): BoundedText {
  const { indent = 2, maxChars = Number.POSITIVE_INFINITY, maxIndentDepth = 40 } = options;
  const pieces: string[] = [];
  let length = 0;
  let truncated = false;
  const emit = (piece: string): boolean => {
    if (length + piece.length > maxChars) {
      pieces.push(piece.slice(0, maxChars - length));
      truncated = true;
      return false;
    }
    pieces.push(piece);
    length += piece.length;
    return true;
  };
  const newline = (depth: number) =>
    indent > 0 ? `\n${" ".repeat(indent * Math.min(depth, maxIndentDepth))}` : "";
  const stack: Frame[] = [];
  const open = (item: unknown, depth: number): boolean => {
    if (!isJsonContainer(item)) return emit(scalarText(item));
    const isArray = Array.isArray(item);
    const entries: [string | null, unknown][] = isArray
      ? item.map((child): [null, unknown] => [null, child])
      : Object.entries(item);
    if (entries.length === 0) return emit(isArray ? "[]" : "{}");
    stack.push({ entries, index: 0, depth, close: isArray ? "]" : "}" });
    return emit(isArray ? "[" : "{");
  };

  let going = open(value, 0);
  while (going && stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index === frame.entries.length) {
      stack.pop();
      going = emit(newline(frame.depth) + frame.close);
      continue;
    }
    const [key, child] = frame.entries[frame.index]!;
    const separator = frame.index > 0 ? "," : "";
    frame.index += 1;
    const label = key === null ? "" : `${JSON.stringify(key)}:${indent > 0 ? " " : ""}`;
    going = emit(separator + newline(frame.depth + 1) + label) && open(child, frame.depth + 1);
  }
  return { text: pieces.join(""), truncated };
}

/** "812 B", "12.3 kB", "1.5 MB" of a string's UTF-16 length, as an estimate of its size. */
export function formatTextSize(text: string): string {
  const size = text.length;
  if (size < 1000) return `${size} B`;
  if (size < 1_000_000) return `${(size / 1000).toFixed(1)} kB`;
  return `${(size / 1_000_000).toFixed(1)} MB`;
}

/**
 * Finds the deepest level to which "expand all" can open a value while rendering at most
 * `maxNodes` nodes, counting at most `childrenPerNode` children per container (the tree's page
 * size). It walks level by level with a queue, so depth costs no stack.
 */
export function findExpandAllDepth(
  value: unknown,
  {
    maxNodes,
    maxDepth,
    childrenPerNode,
  }: { maxNodes: number; maxDepth: number; childrenPerNode: number },
): number {
  let level: unknown[] = [value];
  let rendered = 1;
  for (let depth = 0; depth < maxDepth; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (!isJsonContainer(node)) continue;
      const children = Array.isArray(node) ? node : Object.values(node);
      next.push(...children.slice(0, childrenPerNode));
    }
    if (next.length === 0 || rendered + next.length > maxNodes) return depth;
    rendered += next.length;
    level = next;
  }
  return maxDepth;
}
