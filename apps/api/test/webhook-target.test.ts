import { describe, expect, it } from "vitest";
import { readEnv } from "../src/env.ts";
import { webhookUrlProblem } from "../src/validation/url.ts";
import {
  isAllowedTarget,
  isPublicAddress,
  resolveWebhookTarget,
  WebhookTargetRefused,
} from "../src/validation/webhook-target.ts";

describe("address classification", () => {
  it.each([
    "8.8.8.8",
    "36.91.20.30",
    "103.10.64.1",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.167.255.255",
    "169.253.255.255",
    "2001:4860:4860::8888",
    "2400:cb00::1",
    "::ffff:8.8.8.8",
    "[2001:4860:4860::8888]",
  ])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "0.0.0.0",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "100.127.255.255",
    "169.254.169.254",
    "192.0.2.10",
    "198.18.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "[::1]",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "febf::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:a9fe:a9fe",
    "::ffff:10.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::",
    "2001:db8::1",
    "not-an-address",
    "",
  ])("%s is not public", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it("admits non-public addresses only inside an allowed network", () => {
    const allowed = ["10.20.0.0/16", "192.168.5.10", "fd00:112::/32"];
    expect(isAllowedTarget("10.20.3.4", allowed)).toBe(true);
    expect(isAllowedTarget("::ffff:10.20.3.4", allowed)).toBe(true);
    expect(isAllowedTarget("192.168.5.10", allowed)).toBe(true);
    expect(isAllowedTarget("fd00:112::5", allowed)).toBe(true);
    expect(isAllowedTarget("10.21.0.1", allowed)).toBe(false);
    expect(isAllowedTarget("192.168.5.11", allowed)).toBe(false);
    expect(isAllowedTarget("127.0.0.1", allowed)).toBe(false);
    expect(isAllowedTarget("8.8.8.8", allowed)).toBe(true);
  });
});

describe("webhook addresses as typed", () => {
  it.each([
    "https://127.0.0.1/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://[::1]/hook",
    "https://10.1.2.3/hook",
    "https://172.16.0.5/hook",
    "https://192.168.0.10/hook",
    "https://100.64.1.1/hook",
    "https://[fc00::1]/hook",
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    "https://0x7f000001/hook",
    "https://2130706433/hook",
    "https://0177.0.0.1/hook",
    "https://0177.1/hook",
    "https://127.1/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:a9fe:a9fe]/hook",
    "https://0.0.0.0/hook",
  ])("refuses %s as an internal target", (input) => {
    expect(webhookUrlProblem(input)).toMatch(
      /must not point into a private, loopback or link-local network/,
    );
  });

  it.each(["https://localhost./hook", "https://LOCALHOST/hook", "https://api.localhost./hook"])(
    "refuses %s as not reachable",
    (input) => {
      expect(webhookUrlProblem(input)).toBe("must name a host reachable from the internet");
    },
  );

  it.each([
    "https://36.91.20.30/hook",
    "https://[2001:4860:4860::8888]/hook",
    "https://dispatch.sidoarjokab.go.id/112",
  ])("accepts %s", (input) => {
    expect(webhookUrlProblem(input)).toBeUndefined();
  });
});

describe("the check delivery makes before connecting", () => {
  it("resolves the host and refuses a name that leads to loopback", async () => {
    await expect(resolveWebhookTarget("https://localhost:8443/hook")).rejects.toThrow(
      /^localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
    );
    await expect(resolveWebhookTarget("https://localhost./hook")).rejects.toThrow(
      WebhookTargetRefused,
    );
  });

  it("refuses internal addresses written out, in any spelling", async () => {
    for (const url of [
      "https://0x7f000001/",
      "https://[::ffff:7f00:1]/",
      "https://169.254.169.254/",
    ]) {
      await expect(resolveWebhookTarget(url)).rejects.toThrow(WebhookTargetRefused);
    }
  });

  it("connects to an allowed on-premises network, pinning the address it checked", async () => {
    const target = await resolveWebhookTarget("https://localhost:8443/hook", [
      "127.0.0.0/8",
      "::1",
    ]);
    expect(["127.0.0.1", "::1"]).toContain(target.address);
    expect(target.url.host).toBe("localhost:8443");
    expect(await resolveWebhookTarget("https://36.91.20.30/hook")).toMatchObject({
      address: "36.91.20.30",
      family: 4,
    });
  });

  it("refuses what does not resolve and what is not https", async () => {
    await expect(resolveWebhookTarget("https://no-such-host.invalid/hook")).rejects.toThrow(
      /does not resolve/,
    );
    await expect(resolveWebhookTarget("http://36.91.20.30/hook")).rejects.toThrow(
      /not an https address/,
    );
  });
});

describe("SIGAP_WEBHOOK_ALLOWED_NETWORKS", () => {
  const base = {
    DATABASE_APP_URL: "postgres://sigap_app@localhost/sigap",
    SIGAP_SECRET_KEYS: `k1:${"A".repeat(43)}=`,
  };

  it("is parsed into a list of networks, empty by default", () => {
    expect(readEnv(base).SIGAP_WEBHOOK_ALLOWED_NETWORKS).toEqual([]);
    expect(
      readEnv({ ...base, SIGAP_WEBHOOK_ALLOWED_NETWORKS: " 10.20.0.0/16, 192.168.5.10 ,fd00::/8" })
        .SIGAP_WEBHOOK_ALLOWED_NETWORKS,
    ).toEqual(["10.20.0.0/16", "192.168.5.10", "fd00::/8"]);
  });
});
