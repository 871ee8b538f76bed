/** Fixed content of the demo project: its users, models, prompts and conversation texts. */

export const DEMO_USERS = [
  "ana.silva@northwind.io",
  "ben.okafor@northwind.io",
  "chloe.martin@globex.com",
  "dev.patel@globex.com",
  "emma.schmidt@initech.de",
  "felix.wang@initech.de",
  "grace.kim@umbrella.co",
  "hugo.rossi@umbrella.co",
  "isabel.garcia@acme.org",
  "jonas.berg@acme.org",
  "kai.nakamura@hooli.dev",
  "lena.novak@hooli.dev",
  "mateo.lopez@stark.io",
  "nora.jensen@stark.io",
] as const;

export interface DemoModel {
  name: string;
  /** Median time to the first output token, in milliseconds. */
  firstTokenMs: number;
  /** Median output speed, in tokens per second. */
  tokensPerSecond: number;
}

export const MODELS = {
  gpt4o: { name: "gpt-4o", firstTokenMs: 450, tokensPerSecond: 85 },
  gpt4oMini: { name: "gpt-4o-mini", firstTokenMs: 300, tokensPerSecond: 130 },
  claudeSonnet: { name: "claude-3-5-sonnet-20241022", firstTokenMs: 650, tokensPerSecond: 70 },
  o3Mini: { name: "o3-mini", firstTokenMs: 1800, tokensPerSecond: 160 },
} satisfies Record<string, DemoModel>;

export interface PromptVersion {
  version: number;
  /** Days before the end of the demo window when this version went live. */
  liveFromDaysAgo: number;
  /** Share of responses that users mark "helpful", between 0 and 1. */
  helpfulRate: number;
  system: string;
}

export const PROMPTS: Record<string, PromptVersion[]> = {
  "support-answer": [
    {
      version: 1,
      liveFromDaysAgo: 30,
      helpfulRate: 0.78,
      system: "You are the support assistant of Northwind Cloud. Answer from the documents.",
    },
    {
      version: 2,
      liveFromDaysAgo: 19,
      helpfulRate: 0.61,
      system: "You are a concise support assistant. Keep answers under 80 words.",
    },
    {
      version: 3,
      liveFromDaysAgo: 8,
      helpfulRate: 0.86,
      system: "You are a support assistant. Cite the document you used and give the next step.",
    },
  ],
  "ticket-summary": [
    {
      version: 1,
      liveFromDaysAgo: 30,
      helpfulRate: 0.8,
      system: "Summarise the ticket in three bullet points.",
    },
    {
      version: 2,
      liveFromDaysAgo: 12,
      helpfulRate: 0.84,
      system: "Summarise the ticket: problem, impact, requested action.",
    },
  ],
  "intent-classifier": [
    {
      version: 1,
      liveFromDaysAgo: 30,
      helpfulRate: 0.9,
      system:
        "Classify the message as billing, account, bug, feature or other. Reply with one word.",
    },
  ],
};

export const SUPPORT_QUESTIONS = [
  "How do I rotate my API key without downtime?",
  "Why was I charged twice this month?",
  "Can I export all my projects as CSV?",
  "The dashboard shows no data since yesterday. What happened?",
  "How do I invite a colleague as a read-only member?",
  "Is there a way to set a monthly spending limit?",
  "My webhook deliveries fail with a 401. How do I fix the signature?",
  "Which regions do you store data in?",
  "How do I downgrade from the Pro plan to Free?",
  "The CLI says my token expired, but I just created it.",
  "Can I use SSO with Okta?",
  "How long do you keep deleted projects?",
  "Uploads larger than 100 MB time out. Is there a limit?",
  "How do I change the email address of my account?",
  "Do you support two-factor authentication with hardware keys?",
] as const;

export const SUPPORT_ANSWERS = [
  "Create a second key in Settings → API keys, deploy it, then revoke the old key. Both keys " +
    "work at the same time, so there is no downtime.",
  "The second charge is a pending authorisation that your bank releases within 5 business " +
    "days. The invoice list in Billing shows a single payment.",
  "Yes: open Settings → Export and choose CSV. Large exports arrive by email as a download link.",
  "Ingestion in eu-west was delayed for 40 minutes yesterday; the backlog has been processed and " +
    "the dashboard is complete again.",
  "Go to Settings → Members, click Invite and choose the Viewer role.",
  "Set a budget in Billing → Limits. You get an email at 80% and requests are paused at 100%.",
  "Compute the HMAC-SHA256 of the raw request body with your signing secret and compare it with " +
    "the X-Signature header before parsing the JSON.",
  "Data stays in the region you chose when you created the project: eu-west or us-east.",
  "Open Billing → Plan and choose Free. The change applies at the end of the billing period.",
  "Tokens are tied to one organisation. Run `cli login --org <name>` to refresh it.",
] as const;

export const TICKETS = [
  "Customer reports that invoices since March show the wrong VAT number and asks for corrected " +
    "copies before their audit on Friday.",
  "After the last release the mobile app logs users out every few minutes on Android 14.",
  "Enterprise customer wants to move 40 projects from one organisation to another without " +
    "losing history.",
  "The nightly export job fails for one workspace with a timeout after 30 minutes.",
  "User cannot reset the password: the reset email never arrives, spam folder checked.",
] as const;

export const RESEARCH_TOPICS = [
  "Compare vector databases for 50M embeddings with filtering",
  "Summarise recent changes to EU AI Act obligations for chat assistants",
  "Find benchmarks of speculative decoding on consumer GPUs",
  "What are common causes of tail latency in LLM gateways?",
] as const;

export const INTENTS = ["billing", "account", "bug", "feature", "other"] as const;

export const ERROR_MESSAGES = [
  "Rate limit reached for requests (429); retry after 20 s",
  "Request timed out after 30000 ms",
  "The server had an error while processing your request (500)",
  "Context length exceeded: 131072 tokens maximum",
] as const;
