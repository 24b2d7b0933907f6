import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createRouter } from "./init.ts";
import { adoptionRouter } from "./routers/adoption.ts";
import { authRouter } from "./routers/auth.ts";
import { regionsRouter } from "./routers/regions.ts";
import { twoFactorRouter } from "./routers/two-factor.ts";

export const appRouter = createRouter({
  adoption: adoptionRouter,
  auth: authRouter,
  regions: regionsRouter,
  twoFactor: twoFactorRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
