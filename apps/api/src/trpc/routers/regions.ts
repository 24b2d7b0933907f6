import { searchRegions } from "@sigap/db/queries";
import { regionSearchInput } from "../../http/schemas.ts";
import { createRouter, publicProcedure } from "../init.ts";

export const regionsRouter = createRouter({
  /** Kabupaten/kota by name or code: national reference data, public. */
  search: publicProcedure
    .input(regionSearchInput)
    .query(({ ctx, input }) => searchRegions(ctx.db, input)),
});
