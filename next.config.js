/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several builds or dev servers share one checkout (tests, benchmarks, local work).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "pino-pretty", "protobufjs", "@electric-sql/pglite"],
};

module.exports = nextConfig;
