/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several builds or dev servers share one checkout (tests, benchmarks, local work).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "pino-pretty", "protobufjs", "@electric-sql/pglite"],
  // Without these, `next dev` and `next build` write an AGENTS.md into the repository root.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

module.exports = nextConfig;
