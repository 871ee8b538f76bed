import type { InitConfig } from "../auth/bootstrap";

/**
 * Sign-in and keys of `npm run demo`. They are public on purpose: the demo runs on its own
 * embedded database on 127.0.0.1 and contains generated data only.
 */
export const DEMO_INIT_CONFIG = {
  organizationName: "Driftwatch Demo",
  projectName: "Support assistant",
  apiKey: {
    publicKey: "pk-dw-demo-0000000000000000",
    secretKey: "sk-dw-demo-00000000000000000000000000000000",
  },
  user: { email: "demo@driftwatch.dev", password: "driftwatch-demo" },
} as const satisfies InitConfig;

export const DEMO_DATA_DIR = ".data/demo/pglite";
export const DEMO_HOSTNAME = "127.0.0.1";
