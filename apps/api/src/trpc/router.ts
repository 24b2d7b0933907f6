import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createRouter } from "./init.ts";
import { adoptionRouter } from "./routers/adoption.ts";

export const appRouter = createRouter({
  adoption: adoptionRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
