import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  callView,
  findCall,
  findRegion,
  listCallerHistory,
  listOccupiedSeats,
  listRegionDistricts,
  listUnclassifiedAtSeat,
  currentTenantRegionCode,
  leaveSeat,
  seatHolder,
  takeSeat,
  type SeatRow,
} from "@sigap/db/queries";
import { kecamatanOf } from "@sigap/db/kecamatan";
import { tenantCallSettings } from "../../calls/call-settings.ts";
import { closeCall } from "../../calls/close-call.ts";
import { closeCallInput } from "../../calls/closing.ts";
import { fieldError } from "../field-error.ts";
import { auditFields, createRouter, tenantProcedure } from "../init.ts";

const seatTarget = "operator_seat";

/** How far back the call panel shows a caller's other calls, and how many at most. */
const historyDays = 30;
const historyLimit = 20;

const seatName = z
  .string({ error: "seat must be text" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,63}$/, {
    error:
      "seat must be the seat or extension as the switch names it: letters, digits and . _ @ : / -, at most 64 characters",
  });

function seatView(row: Pick<SeatRow, "seat" | "startedAt">) {
  return { seat: row.seat, since: row.startedAt.toISOString() };
}

/**
 * The call-taker's desk: the seat an operator sits at, the calls it answers, and closing each call
 * with a classification (an emergency opens an incident; a wrong-region call may be handed over).
 */
export const callDeskRouter = createRouter({
  /** My seat in this tenant (null when standing), and every seat taken now. */
  seat: tenantProcedure("calls.answer").query(async ({ ctx }) => {
    const occupied = await listOccupiedSeats(ctx.tx);
    const mine = occupied.find((seat) => seat.userId === ctx.auth.user.id);
    return {
      mine: mine ? seatView(mine) : null,
      occupied: occupied.map((seat) => ({
        seat: seat.seat,
        holder: seat.displayName,
        you: seat.userId === ctx.auth.user.id,
      })),
    };
  }),

  /**
   * Sits at `seat`, leaving any other seat first. Someone else's seat is refused with their name:
   * two people at one seat would both get its calls' panels.
   */
  takeSeat: tenantProcedure("calls.answer")
    .input(z.object({ seat: seatName }))
    .mutation(async ({ ctx, input }) => {
      const left = await leaveSeat(ctx.tx, ctx.auth.user.id);
      const taken = await takeSeat(ctx.tx, ctx.tenant.id, ctx.auth.user.id, input.seat);
      if (!taken) {
        const holder = await seatHolder(ctx.tx, input.seat);
        throw fieldError(
          "seat",
          `Seat ${input.seat} is taken by ${holder?.displayName ?? "someone else"}`,
          "CONFLICT",
        );
      }
      await ctx.audit({
        action: "calls.takeSeat",
        targetType: seatTarget,
        targetId: input.seat,
        before: left ? seatView(left) : undefined,
        after: seatView(taken),
      });
      return seatView(taken);
    }),

  /** Stands up from my seat; its calls no longer open my panel. */
  leaveSeat: tenantProcedure("calls.answer").mutation(async ({ ctx }) => {
    const left = await leaveSeat(ctx.tx, ctx.auth.user.id);
    if (!left) throw new TRPCError({ code: "NOT_FOUND", message: "You are not at a seat" });
    await ctx.audit({
      action: "calls.leaveSeat",
      targetType: seatTarget,
      targetId: left.seat,
      before: seatView(left),
    });
    return { seat: left.seat };
  }),

  /** Calls my seat answered since I sat down that still wait for their classification, oldest first. */
  mine: tenantProcedure("calls.answer").query(async ({ ctx }) => {
    const seat = (await listOccupiedSeats(ctx.tx)).find(
      (occupied) => occupied.userId === ctx.auth.user.id,
    );
    if (!seat) return [];
    return (await listUnclassifiedAtSeat(ctx.tx, seat.seat, seat.startedAt)).map(callView);
  }),

  /**
   * One call for the call panel: its facts, the caller's other calls of the last 30 days, and
   * whether the prank policy suggests blocking the number.
   */
  detail: tenantProcedure("calls.answer")
    .input(z.object({ callId: z.uuid({ error: "callId must be a call's id" }) }))
    .query(async ({ ctx, input }) => {
      const call = await findCall(ctx.tx, input.callId, { lock: false });
      if (!call) throw new TRPCError({ code: "NOT_FOUND", message: "No such call" });
      const since = new Date(call.offeredAt.getTime() - historyDays * 24 * 60 * 60 * 1000);
      const [history, settings] = await Promise.all([
        call.callerNumber === null
          ? []
          : listCallerHistory(ctx.tx, call.callerNumber, call.id, since, historyLimit),
        tenantCallSettings(ctx.tx),
      ]);
      const policy = {
        afterCalls: settings.prankBlockAfterCalls,
        withinHours: settings.prankBlockWithinHours,
      };
      const windowStart = call.offeredAt.getTime() - policy.withinHours * 60 * 60 * 1000;
      const recentPranks = history.filter(
        (entry) => entry.classification === "prank" && entry.offeredAt.getTime() >= windowStart,
      ).length;
      return {
        call: callView(call),
        history: history.map((entry) => ({ ...entry, offeredAt: entry.offeredAt.toISOString() })),
        prankPolicy: {
          ...policy,
          recentPranks,
          suggestBlock: call.callerNumber !== null && recentPranks + 1 >= policy.afterCalls,
        },
      };
    }),

  /**
   * Closes a call with its classification. An emergency opens an incident (status new) with the
   * call attached; a wrong-region call names the region and, when that region is on the platform,
   * lands in its queue with the caller's details. The first classification stands.
   */
  classify: tenantProcedure("calls.answer")
    .input(closeCallInput)
    .mutation(async ({ ctx, input }) =>
      closeCall(
        {
          db: ctx.db,
          tx: ctx.tx,
          tenant: ctx.tenant,
          userId: ctx.auth.user.id,
          actorLabel: ctx.auth.user.displayName,
          audit: ctx.audit,
          auditRow: (entry) => auditFields(ctx, ctx.role, entry),
        },
        input,
      ),
    ),

  /**
   * The region's kecamatan for the call panel's map: boundaries from the registry data where the
   * platform has them (offline), names always, and the production tile template when configured.
   */
  regionMap: tenantProcedure("calls.answer").query(async ({ ctx }) => {
    const regionCode = await currentTenantRegionCode(ctx.tx);
    const [region, districts] = await Promise.all([
      findRegion(ctx.tx, regionCode),
      listRegionDistricts(ctx.tx, regionCode),
    ]);
    const boundaries = new Map(
      kecamatanOf(regionCode).map((kecamatan) => [kecamatan.code, kecamatan.geometry]),
    );
    return {
      regionCode,
      regionName: region?.name ?? regionCode,
      kecamatan: districts.map((district) => ({
        ...district,
        geometry: boundaries.get(district.code) ?? null,
      })),
      // Through the platform's own origin (the /v1 map tile route), so the portal's CSP stays 'self'.
      tileUrl: ctx.config.mapTileUrl === null ? null : "/v1/map-tiles/{z}/{x}/{y}",
    };
  }),
});
