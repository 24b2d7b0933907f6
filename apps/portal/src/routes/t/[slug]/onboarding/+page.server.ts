import { redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import { resumeStep } from "#lib/onboarding/steps.ts";
import type { PageServerLoad } from "./$types";

/** The wizard resumes where the region left off: at the first step not yet done. */
export const load = (async ({ parent, params }) => {
  const { checklist } = await parent();
  const step = checklist.status === "ok" ? resumeStep(checklist.data) : "branding";
  redirect(303, resolve(`/t/[slug]/onboarding/${step}`, { slug: params.slug }));
}) satisfies PageServerLoad;
