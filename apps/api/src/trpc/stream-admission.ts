import type { Logger } from "../logger.ts";

interface StreamContext {
  stillAdmitted: () => Promise<boolean>;
  config: { liveStreamReadmitMs: number };
  log: Logger;
}

/**
 * How a live stream ends: when its client leaves (`signal`), or when the session no longer admits
 * its holder, asked again every `liveStreamReadmitMs` (a deactivated member, a changed role, a
 * signed-out session must not keep watching). Call `stop()` when the stream ends; `refused()`
 * tells whether it ended for admission.
 */
export function watchAdmission(
  ctx: StreamContext,
  signal: AbortSignal | undefined,
  stream: string,
) {
  const refusal = new AbortController();
  const timer = setInterval(() => {
    ctx.stillAdmitted().then(
      (admitted) => {
        if (!admitted) refusal.abort();
      },
      (error: unknown) => {
        ctx.log.error({ err: error }, `${stream}: checking the session again failed`);
      },
    );
  }, ctx.config.liveStreamReadmitMs);
  return {
    ended: signal ? AbortSignal.any([signal, refusal.signal]) : refusal.signal,
    refused: () => refusal.signal.aborted,
    stop: () => {
      clearInterval(timer);
    },
  };
}
