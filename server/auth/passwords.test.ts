import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("hashPassword", () => {
  it("verifies the same password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
  });

  it("rejects a different password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const first = await hashPassword("same password");
    const second = await hashPassword("same password");
    expect(first).not.toBe(second);
  });

  it("stores the parameters in the hash", async () => {
    const hash = await hashPassword("pw-123456");
    const [scheme, costN, blockSize, parallelism] = hash.split("$");
    expect(scheme).toBe("scrypt");
    expect(costN).toBe("131072");
    expect(blockSize).toBe("8");
    expect(parallelism).toBe("1");
  });
});

describe("verifyPassword", () => {
  it("uses the parameters stored in the hash", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("legacy-password", salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("legacy-password", stored)).toBe(true);
    expect(await verifyPassword("other-password", stored)).toBe(false);
  });

  it("treats equivalent Unicode forms alike", async () => {
    const hash = await hashPassword("caf\u00e9");
    expect(await verifyPassword("cafe\u0301", hash)).toBe(true);
  });

  it.each([
    ["empty string", ""],
    ["other scheme", "bcrypt$10$abc$def$ghi$jkl"],
    ["missing parts", "scrypt$16384$8$1$c2FsdA=="],
    ["cost not a power of two", "scrypt$1000$8$1$c2FsdA==$a2V5"],
    ["cost above the bound", "scrypt$1073741824$8$1$c2FsdA==$a2V5"],
    ["block size above the bound", "scrypt$16384$4096$1$c2FsdA==$a2V5"],
    ["empty key", "scrypt$16384$8$1$c2FsdA==$"],
  ])("rejects a malformed hash: %s", async (_case, stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
  });
});
