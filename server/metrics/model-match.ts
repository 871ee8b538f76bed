/**
 * Model-name normalisation for price lookup and tokenizer choice. Gateways and clouds decorate
 * the same model in many ways, so these functions reduce a model string to the names the
 * default price table lists, from the most specific form to the least.
 */

// Bedrock ids: optional cross-region inference prefix, then the vendor, e.g.
// `us.anthropic.claude-3-5-sonnet-20241022-v2:0` or `meta.llama3-1-70b-instruct-v1:0`.
const BEDROCK_PREFIX =
  /^(?:(?:us|eu|apac|us-gov|global|jp|au|ca)\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|openai|qwen)\./;
// Bedrock version suffix `-v2:0`, or a bare `:0`.
const BEDROCK_VERSION_SUFFIX = /(?:-v\d+)?:\d+$/;
// Vertex AI version suffix `@20241022`, `@001` or `@latest`, with the `-v2` that may precede it.
const VERTEX_VERSION_SUFFIX = /(?:-v\d+)?@[\w.-]+$/;
// Release suffixes: `-2024-08-06`, `-20241022`, `-0613`, `-002`, `-latest`.
const RELEASE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|\d{3}|latest)$/;

function stripProviderPrefix(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

function stripCloudForms(name: string): string {
  return name
    .replace(BEDROCK_PREFIX, "")
    .replace(BEDROCK_VERSION_SUFFIX, "")
    .replace(VERTEX_VERSION_SUFFIX, "");
}

function stripReleaseSuffixes(name: string): string {
  let current = name;
  for (let previous = ""; previous !== current;) {
    previous = current;
    current = current.replace(RELEASE_SUFFIX, "");
  }
  return current;
}

// OpenRouter and others write Claude versions with dots (`claude-3.5-sonnet`); Anthropic's own
// ids use dashes.
function dashClaudeVersion(name: string): string {
  return name.startsWith("claude") ? name.replace(/(\d)\.(\d)/g, "$1-$2") : name;
}

/**
 * Lists the lookup names of a model string, most specific first and without duplicates:
 * lowercased, without the provider prefix (`openai/`, `models/`), without Bedrock and Vertex
 * decorations, and finally without release dates and `-latest`. A dated entry such as
 * `gpt-4o-2024-05-13` therefore wins over the undated `gpt-4o` when the table lists both.
 */
export function listModelNameCandidates(model: string): string[] {
  const lowered = model.trim().toLowerCase();
  const unprefixed = dashClaudeVersion(stripProviderPrefix(lowered));
  const bare = stripCloudForms(unprefixed);
  const undated = stripReleaseSuffixes(bare);
  return [...new Set([lowered, unprefixed, bare, undated])].filter((name) => name.length > 0);
}

/** Returns the least decorated lookup name of a model string (see listModelNameCandidates). */
export function normalizeModelName(model: string): string {
  const candidates = listModelNameCandidates(model);
  return candidates[candidates.length - 1] ?? "";
}

/**
 * Escapes a model id so that a match pattern built from it matches that id literally. Besides
 * the regular-expression metacharacters it escapes `:` and `@`, which Bedrock and Vertex ids
 * contain: both are literal in JavaScript patterns but take part in syntax such as `(?:` and
 * POSIX classes elsewhere, so the escaped form stays literal wherever it is pasted.
 */
export function escapeModelIdForPattern(id: string): string {
  return id.replace(/[.*+?^${}()|[\]\\/:@]/g, "\\$&");
}

/** Builds the case-insensitive pattern that matches exactly one model id. */
export function buildExactModelPattern(id: string): string {
  return `^${escapeModelIdForPattern(id)}$`;
}
