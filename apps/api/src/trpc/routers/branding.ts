import { createHash } from "node:crypto";
import { z } from "zod";
import { getBranding, renameTenant, saveBranding } from "@sigap/db/queries";
import { contrastProblem } from "../../branding/contrast.ts";
import { checkLogo, maxLogoBytes, type CheckedLogo } from "../../branding/logo.ts";
import { hexColor } from "../../validation/color.ts";
import { singleLine } from "../../validation/text.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, tenantProcedure } from "../init.ts";

/** Base64 of at most `maxLogoBytes` bytes (with padding and a little room for line breaks). */
const maxLogoBase64 = Math.ceil(maxLogoBytes / 3) * 4 + 1024;

const updateInput = z.object({
  displayName: z
    .string({ error: "displayName must be text" })
    .trim()
    .min(3, { error: "displayName must have at least 3 characters" })
    .max(120, { error: "displayName must have at most 120 characters" })
    .refine(...singleLine("displayName"))
    .optional(),
  primaryColor: hexColor("primaryColor").optional(),
  accentColor: hexColor("accentColor").optional(),
  /** The logo file, base64-encoded; its type is read from its content. */
  logoBase64: z
    .string({ error: "logoBase64 must be the file's content in base64" })
    .max(maxLogoBase64, { error: `logo is larger than ${String(maxLogoBytes / 1024)} KiB` })
    .regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, {
      error: "logoBase64 must be the file's content in base64",
    })
    .optional(),
});

/** What the audit log keeps of a logo: never the bytes, enough to tell versions apart. */
function logoSummary(logo: CheckedLogo) {
  return {
    mimeType: logo.mimeType,
    bytes: logo.data.length,
    width: logo.width,
    height: logo.height,
    sha256: createHash("sha256").update(logo.data).digest("hex"),
  };
}

export const brandingRouter = createRouter({
  /** The tenant's display name, colours and logo description: no secrets, so every member may read it. */
  get: tenantProcedure("branding.view").query(({ ctx }) => getBranding(ctx.tx)),

  /**
   * Changes what is given. Colours must carry white text legibly (WCAG 2.1: 4.5:1 on the primary,
   * 3:1 on the accent); a logo is judged by its content (PNG, JPEG or SVG, at most 512 KiB and
   * 2048×2048), and an SVG is stored sanitised.
   */
  update: tenantProcedure("branding.edit")
    .input(updateInput)
    .mutation(async ({ ctx, input }) => {
      for (const field of ["primaryColor", "accentColor"] as const) {
        const color = input[field];
        const problem = color === undefined ? undefined : contrastProblem(field, color);
        if (problem)
          throw fieldError(field, problem.message, "BAD_REQUEST", "low_contrast", problem.params);
      }
      let logo: CheckedLogo | undefined;
      if (input.logoBase64 !== undefined) {
        const checked = await checkLogo(Buffer.from(input.logoBase64, "base64"));
        if (!checked.ok)
          throw fieldError(
            "logoBase64",
            checked.message,
            "BAD_REQUEST",
            checked.reason,
            checked.params,
          );
        logo = checked.logo;
      }
      const before = await getBranding(ctx.tx);
      if (input.displayName !== undefined)
        await renameTenant(ctx.tx, ctx.tenant.id, input.displayName);
      await saveBranding(ctx.tx, ctx.tenant.id, {
        ...(input.primaryColor === undefined ? {} : { primaryColor: input.primaryColor }),
        ...(input.accentColor === undefined ? {} : { accentColor: input.accentColor }),
        ...(logo ? { logo } : {}),
      });
      const after = await getBranding(ctx.tx);
      await ctx.audit({
        action: "branding.update",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        before: {
          displayName: before.displayName,
          primaryColor: before.primaryColor,
          accentColor: before.accentColor,
          logo: before.logo,
        },
        after: {
          displayName: after.displayName,
          primaryColor: after.primaryColor,
          accentColor: after.accentColor,
          logo: logo ? logoSummary(logo) : after.logo,
        },
      });
      return { ...after, removedFromSvg: logo?.removedFromSvg ?? 0 };
    }),

  /** Takes the logo away; portal pages and emails fall back to the plain name. */
  removeLogo: tenantProcedure("branding.edit").mutation(async ({ ctx }) => {
    const before = await getBranding(ctx.tx);
    if (before.logo) await saveBranding(ctx.tx, ctx.tenant.id, { logo: null });
    await ctx.audit({
      action: "branding.removeLogo",
      targetType: "tenant",
      targetId: ctx.tenant.id,
      before: { logo: before.logo },
      after: { logo: null },
    });
    return getBranding(ctx.tx);
  }),
});
