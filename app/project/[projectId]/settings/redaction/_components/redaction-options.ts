export type RedactionModeOption = "off" | "mask" | "hash";
export type DetectorOption = "email" | "phone" | "card" | "secret";

export const MODE_OPTIONS: { value: RedactionModeOption; label: string; description: string }[] = [
  { value: "off", label: "Off", description: "Store inputs, outputs and metadata as sent." },
  {
    value: "mask",
    label: "Mask",
    description: "Replace each finding with [REDACTED:KIND] before it is stored.",
  },
  {
    value: "hash",
    label: "Hash",
    description:
      "Replace each finding with a keyed hash (HMAC-SHA256 with a project salt), so equal " +
      "values can still be matched without being readable.",
  },
];

export const DETECTOR_OPTIONS: { value: DetectorOption; label: string; example: string }[] = [
  { value: "email", label: "Email addresses", example: "jane.doe@example.com" },
  { value: "phone", label: "Phone numbers", example: "+1 415-555-0132" },
  { value: "card", label: "Card numbers (Luhn-checked)", example: "4111 1111 1111 1111" },
  {
    value: "secret",
    label: "API keys, tokens and credentials",
    example: "sk-proj-…, AKIA…, ghp_…, password=…",
  },
];

export const SAMPLE_TEXT =
  "Hi, I'm Jane (jane.doe@example.com, +1 415-555-0132). Please charge card " +
  "4111 1111 1111 1111. Our key is sk-proj-Zq8vT3bL9mN2xR7kW4pY6hJ1 and password=hunter2hunter2.";
