import { describe, expect, it } from "vitest";
import { emailAddress } from "../src/validation/email.ts";
import { indonesianPhone, normalizeIndonesianPhone } from "../src/validation/phone.ts";
import { webhookUrl, webhookUrlProblem } from "../src/validation/url.ts";

describe("Indonesian phone numbers", () => {
  it.each([
    ["08123456789", "+628123456789"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["628123456789", "+628123456789"],
    ["+628123456789", "+628123456789"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["0062 812 3456 7890", "+6281234567890"],
    ["+62 (0)812 3456 7890", "+6281234567890"],
    ["(031) 1234567", "+62311234567"],
    ["031-1234567", "+62311234567"],
    ["021-12345678", "+622112345678"],
    ["0361 234567", "+62361234567"],
    ["(0622) 21234", "+6262221234"],
    ["+62 31 1234567", "+62311234567"],
    ["+62 (0)31 1234567", "+62311234567"],
    ["0967-123456", "+62967123456"],
    ["  0812.3456.789  ", "+628123456789"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["112", "a short code"],
    ["113", "a short code"],
    ["0812345", "too short for a mobile"],
    ["08123456789012", "too long for a mobile"],
    ["031-123", "too short for a landline"],
    ["+1 415 555 0100", "another country"],
    ["+65 6123 4567", "another country"],
    ["8123456789", "no trunk 0 nor country code"],
    ["0812-3456-789a", "a letter"],
    ["0812+3456789", "a plus inside"],
    ["00812345678", "a double trunk 0"],
    ["+62 0 (0)812345678", "a stray 0"],
    ["0112345678", "an area code starting with 1"],
  ])("refuses %s (%s)", (input) => {
    expect(normalizeIndonesianPhone(input)).toBeUndefined();
  });

  it("names the field in its message", () => {
    const result = indonesianPhone("value (phone number)").safeParse("12345");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /^value \(phone number\) must be an Indonesian phone number/,
    );
    expect(indonesianPhone("x").parse("0812 3456 789")).toBe("+628123456789");
  });
});

describe("email addresses", () => {
  const schema = emailAddress("value (email)");

  it("trims and lower-cases", () => {
    expect(schema.parse("  Pusdalops@BPBD.Sidoarjokab.go.id ")).toBe(
      "pusdalops@bpbd.sidoarjokab.go.id",
    );
  });

  it.each([
    "",
    "pusdalops",
    "pusdalops@",
    "@bpbd.go.id",
    "a b@bpbd.go.id",
    `${"a".repeat(320)}@bpbd.go.id`,
  ])("refuses %s, naming the field", (input) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^value \(email\) /);
  });
});

describe("webhook URLs", () => {
  it.each([
    "https://dispatch.sidoarjokab.go.id/112",
    "https://36.91.20.30:8443/hook?x=1",
    "https://contoh.go.id",
  ])("accepts %s", (input) => {
    expect(webhookUrlProblem(input)).toBeUndefined();
  });

  it.each([
    ["http://dispatch.sidoarjokab.go.id/112", "must start with https://"],
    ["ftp://dispatch.sidoarjokab.go.id", "must start with https://"],
    ["dispatch.sidoarjokab.go.id/112", "must be a full address"],
    ["https://user:pass@dispatch.go.id/", "must not contain a user name or password"],
    ["https://localhost/hook", "must name a host reachable from the internet"],
    ["https://api.localhost/hook", "must name a host reachable from the internet"],
  ])("refuses %s", (input, problem) => {
    expect(webhookUrlProblem(input)).toContain(problem);
  });

  it("names the field and normalises the address", () => {
    const schema = webhookUrl("value (webhook URL)");
    expect(schema.safeParse("http://contoh.go.id").error?.issues[0]?.message).toBe(
      "value (webhook URL) must start with https://",
    );
    expect(schema.parse(" https://Contoh.GO.id ")).toBe("https://contoh.go.id/");
    expect(
      schema.safeParse(`https://contoh.go.id/${"a".repeat(2050)}`).error?.issues[0]?.message,
    ).toBe("value (webhook URL) is too long");
  });
});
