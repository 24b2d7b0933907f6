import { getNationalAdoption } from "@sigap/db/queries";
import { createRouter, publicProcedure } from "../init.ts";

export const adoptionRouter = createRouter({
  /** "N dari 514 kabupaten/kota": live and onboarding counts, nationally and per province. */
  national: publicProcedure.query(({ ctx }) => getNationalAdoption(ctx.db)),
});
