import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createRouter } from "./init.ts";
import { adoptionRouter } from "./routers/adoption.ts";
import { authRouter } from "./routers/auth.ts";
import { regionsRouter } from "./routers/regions.ts";
import { twoFactorRouter } from "./routers/two-factor.ts";
import { auditRouter } from "./routers/audit.ts";
import { accountRouter } from "./routers/account.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { outboxRouter } from "./routers/outbox.ts";
import { passwordResetRouter } from "./routers/password-reset.ts";
import { usersRouter } from "./routers/users.ts";
import { agenciesRouter } from "./routers/agencies.ts";
import { trunksRouter } from "./routers/trunks.ts";
import { telephonyRouter } from "./routers/telephony.ts";
import { tenantsRouter } from "./routers/tenants.ts";
import { brandingRouter } from "./routers/branding.ts";
import { onboardingRouter } from "./routers/onboarding.ts";
import { importsRouter } from "./routers/imports.ts";
import { nationalRouter } from "./routers/national.ts";
import { sopRouter } from "./routers/sop.ts";
import { callDeskRouter } from "./routers/call-desk.ts";
import { callReportsRouter } from "./routers/call-reports.ts";
import { callSettingsRouter } from "./routers/call-settings.ts";
import { callsRouter } from "./routers/calls.ts";
import { incidentsRouter } from "./routers/incidents.ts";
import { responderLinkRouter } from "./routers/responder-link.ts";
import { billingRouter } from "./routers/billing.ts";
import { billingAdminRouter } from "./routers/billing-admin.ts";

export const appRouter = createRouter({
  adoption: adoptionRouter,
  auth: authRouter,
  regions: regionsRouter,
  twoFactor: twoFactorRouter,
  audit: auditRouter,
  account: accountRouter,
  invitations: invitationsRouter,
  outbox: outboxRouter,
  passwordReset: passwordResetRouter,
  users: usersRouter,
  agencies: agenciesRouter,
  trunks: trunksRouter,
  telephony: telephonyRouter,
  tenants: tenantsRouter,
  branding: brandingRouter,
  onboarding: onboardingRouter,
  imports: importsRouter,
  national: nationalRouter,
  sop: sopRouter,
  calls: callsRouter,
  callDesk: callDeskRouter,
  callReports: callReportsRouter,
  callSettings: callSettingsRouter,
  incidents: incidentsRouter,
  responderLink: responderLinkRouter,
  billing: billingRouter,
  billingAdmin: billingAdminRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type { CallFeedMessage } from "../calls/call-feed.ts";
export type { CallClassification, CallView, QueueCall } from "@sigap/db/schema";
