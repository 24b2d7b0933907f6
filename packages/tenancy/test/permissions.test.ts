import { describe, expect, it } from "vitest";
import {
  actions,
  can,
  roles,
  suspendableActions,
  type Action,
  type Role,
} from "../src/permissions.ts";

// The expected answer for every role × action, written out in full: changing the matrix means
// changing this table on purpose. (PA platform_admin, MV ministry_viewer, TA tenant_admin,
// SV supervisor, OP operator, AR agency_responder.)
const expected: Record<Action, Record<Role, boolean>> = {
  "users.view": row("PA TA"),
  "users.invite": row("PA TA"),
  "users.changeRole": row("PA TA"),
  "users.deactivate": row("PA TA"),
  "audit.view": row("PA TA"),
  "audit.viewAll": row("PA"),
  "mail.viewOutbox": row("PA"),
  "national.view": row("PA MV"),
  "tenants.create": row("PA"),
  "tenants.support": row("PA"),
  "onboarding.view": row("PA TA"),
  "branding.edit": row("PA TA"),
  "agencies.view": row("PA TA SV OP"),
  "agencies.edit": row("PA TA"),
  "trunks.view": row("PA TA"),
  "trunks.edit": row("PA TA"),
  "trunks.setDestination": row("PA TA"),
  "telephony.export": row("PA TA"),
  "telephony.exportSbc": row("PA"),
  "telephony.viewRefused": row("PA"),
  "calls.view": row("TA SV OP"),
  "calls.block": row("TA SV OP"),
  "calls.answer": row("TA SV OP"),
  "calls.configure": row("PA TA"),
  "calls.supervise": row("TA SV"),
  "sop.choose": row("PA TA"),
  "sop.view": row("PA TA SV"),
  "branding.view": row("PA TA SV OP AR"),
  "sop.edit": row("PA TA"),
  "sop.publish": row("PA TA"),
  "incidents.view": row("TA SV OP"),
  "incidents.dispatch": row("TA SV OP"),
  "incidents.export": row("TA SV"),
  "incidents.respond": row("AR"),
  "billing.view": row("PA TA"),
  "billing.manage": row("PA"),
  "tenant.goLive": row("PA TA"),
  "tenant.goLiveOverride": row("PA"),
};

function row(allowed: string): Record<Role, boolean> {
  const short: Record<Role, string> = {
    platform_admin: "PA",
    ministry_viewer: "MV",
    tenant_admin: "TA",
    supervisor: "SV",
    operator: "OP",
    agency_responder: "AR",
  };
  const set = new Set(allowed.split(" "));
  return Object.fromEntries(roles.map((role) => [role, set.has(short[role])])) as Record<
    Role,
    boolean
  >;
}

describe("the permission matrix", () => {
  it("has an expected answer for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    for (const role of roles) {
      it(`${role} ${expected[action][role] ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(expected[action][role]);
      });
    }
  }
});

describe("a billing suspension", () => {
  // Safety of life: whatever a region owes, these keep working.
  const essential: Action[] = [
    "calls.view",
    "calls.answer",
    "calls.block",
    "calls.supervise",
    "incidents.view",
    "incidents.dispatch",
    "incidents.respond",
    "agencies.view",
    "agencies.edit",
    "trunks.edit",
    "trunks.setDestination",
    "sop.publish",
    "users.invite",
    "branding.view",
    "billing.view",
  ];
  for (const action of essential) {
    it(`never stops ${action}`, () => {
      expect(suspendableActions.has(action)).toBe(false);
    });
  }
});
