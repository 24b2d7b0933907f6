import { error } from "@sveltejs/kit";
import type { PageServerLoad } from "./$types";

export const load = (async ({ params, parent }) => {
  const message = (await parent()).messages.find((candidate) => candidate.id === params.id);
  if (!message) error(404, "Not found");
  return { message };
}) satisfies PageServerLoad;
