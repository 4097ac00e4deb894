import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.js";

const PASSWORD = "correct horse battery staple";

/** The stored hash's `$`-separated fields: scheme, N, r, p, salt, hash. */
const fields = (stored: string) => stored.split("$");

/** Replaces one field of a stored hash. */
const withField = (stored: string, index: number, value: string) =>
  fields(stored)
    .map((field, at) => (at === index ? value : field))
    .join("$");

/** Changes the first character of a base64url string: always changes the decoded bytes. */
const flipFirst = (text: string) => (text.startsWith("A") ? "B" : "A") + text.slice(1);

describe("passwords", () => {
  it("stores a hash, never the password", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).not.toBe(PASSWORD);
    expect(stored).not.toContain(PASSWORD);
    const [scheme, n, r, p, salt, hash] = fields(stored);
    expect(scheme).toBe("scrypt");
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 14);
    expect(Number(r)).toBeGreaterThanOrEqual(8);
    expect(Number(p)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(salt ?? "", "base64url").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(hash ?? "", "base64url").length).toBeGreaterThanOrEqual(32);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await verifyPassword("Correct horse battery staple", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: two hashes of one password differ, and both verify", async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).not.toBe(second);
    expect(fields(first)[4]).not.toBe(fields(second)[4]);
    expect(fields(first)[5]).not.toBe(fields(second)[5]);
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(PASSWORD, second)).toBe(true);
  });

  it("refuses the right password against a tampered hash", async () => {
    const stored = await hashPassword(PASSWORD);
    const [, n, , , salt, hash] = fields(stored);
    // The derived key, the salt and the cost parameter are all bound to the result.
    expect(await verifyPassword(PASSWORD, withField(stored, 5, flipFirst(hash ?? "")))).toBe(false);
    expect(await verifyPassword(PASSWORD, withField(stored, 4, flipFirst(salt ?? "")))).toBe(false);
    expect(await verifyPassword(PASSWORD, withField(stored, 1, String(Number(n) / 2)))).toBe(false);
    // Another password's hash does not open this one.
    const other = await hashPassword("another long password");
    expect(await verifyPassword(PASSWORD, withField(stored, 5, fields(other)[5] ?? ""))).toBe(false);
  });

  it("refuses malformed stored hashes", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, "")).toBe(false);
    expect(await verifyPassword(PASSWORD, PASSWORD)).toBe(false);
    expect(await verifyPassword(PASSWORD, withField(stored, 0, "bcrypt"))).toBe(false);
    expect(await verifyPassword(PASSWORD, withField(stored, 5, ""))).toBe(false);
    expect(await verifyPassword(PASSWORD, fields(stored).slice(0, 5).join("$"))).toBe(false);
  });

  it("never matches a truncated hash or weak parameters, and never throws", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword("anything at all", "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$A")).toBe(false);
    expect(await verifyPassword(PASSWORD, withField(stored, 5, (fields(stored)[5] ?? "").slice(0, 4)))).toBe(false);
    expect(await verifyPassword(PASSWORD, "scrypt$1000$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword(PASSWORD, withField(stored, 1, "1024"))).toBe(false);
  });
});
