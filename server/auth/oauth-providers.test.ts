import { describe, expect, it } from "vitest";
import type { Env } from "../env";
import { buildOAuthProviders, OIDC_PROVIDER_ID } from "./oauth-providers";

const base = { OIDC_DISPLAY_NAME: "Company SSO", DRIFTWATCH_SIGN_UP: "open" } as Env;

describe("buildOAuthProviders", () => {
  it("adds none without variables", () => {
    expect(buildOAuthProviders(base)).toEqual([]);
  });

  it("needs both GitHub variables", () => {
    expect(buildOAuthProviders({ ...base, GITHUB_CLIENT_ID: "id" })).toEqual([]);
    const providers = buildOAuthProviders({
      ...base,
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "secret",
    });
    expect(providers.map((p) => p.id)).toEqual(["github"]);
  });

  it("builds OIDC from the issuer's discovery document", () => {
    const [provider] = buildOAuthProviders({
      ...base,
      OIDC_ISSUER: "https://idp.example.test/realms/main/",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "secret",
    });
    expect(provider?.id).toBe(OIDC_PROVIDER_ID);
    expect(provider?.name).toBe("Company SSO");
    expect((provider as { wellKnown?: string }).wellKnown).toBe(
      "https://idp.example.test/realms/main/.well-known/openid-configuration",
    );
  });

  it("drops an OIDC email the provider has not verified", () => {
    const [provider] = buildOAuthProviders({
      ...base,
      OIDC_ISSUER: "https://idp.example.test",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "secret",
    });
    const toProfile = (provider as unknown as { profile: (p: object) => { email: string | null } })
      .profile;
    expect(
      toProfile({ sub: "1", email: "a@example.test", email_verified: false }).email,
    ).toBeNull();
    expect(toProfile({ sub: "1", email: "a@example.test", email_verified: true }).email).toBe(
      "a@example.test",
    );
  });
});
