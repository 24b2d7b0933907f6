import type { CallView } from "@sigap/api/trpc";
import type { Translator } from "#lib/i18n/index.ts";
import { formatPhone } from "#lib/agencies/phone.ts";

/** Seconds as the queue shows a wait or a duration: "0:07", "12:40", "1:02:05". */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0
    ? `${String(hours)}:${String(minutes).padStart(2, "0")}:${rest}`
    : `${String(minutes)}:${rest}`;
}

export function secondsBetween(from: string, to: number): number {
  return (to - Date.parse(from)) / 1000;
}

export function callerOf(i18n: Translator, call: Pick<CallView, "callerNumber">): string {
  return call.callerNumber ? formatPhone(call.callerNumber) : i18n.t("calls.callerWithheld");
}

/** The device's own fix, as sent with the call (Advanced Mobile Location), never the operator's. */
export function deviceLocationOf(i18n: Translator, call: Pick<CallView, "location">): string {
  const { location } = call;
  if (!location) return i18n.t("calls.noLocation");
  return i18n.t("calls.location", {
    latitude: location.latitude.toFixed(5),
    longitude: location.longitude.toFixed(5),
    accuracy: i18n.number(Math.round(location.accuracyMeters)),
    method: i18n.t(`calls.method.${location.positioningMethod}`),
  });
}
