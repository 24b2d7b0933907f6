import type { Locale } from "#lib/i18n/index.ts";
import type { AdoptionPoint } from "./types.ts";

/** The drawing box of the adoption chart, in SVG user units; the SVG scales to its container. */
export const chartBox = {
  width: 720,
  height: 280,
  left: 48,
  right: 16,
  top: 16,
  bottom: 40,
} as const;

export interface ChartGeometry {
  line: string;
  area: string;
  dots: { x: number; y: number; point: AdoptionPoint }[];
  /** `anchor` keeps the first and last labels inside the box. */
  xTicks: { x: number; month: string; anchor: "start" | "middle" | "end" }[];
  yTicks: { y: number; value: number }[];
}

/** A round step (1, 2 or 5 × 10^k) giving about four gridlines up to `max`. */
function niceStep(max: number): number {
  const rough = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return Math.max(1, step);
}

function anchorOf(index: number, count: number): "start" | "middle" | "end" {
  if (count > 1 && index === 0) return "start";
  if (count > 1 && index === count - 1) return "end";
  return "middle";
}

export function chartGeometry(points: readonly AdoptionPoint[]): ChartGeometry {
  const { width, height, left, right, top, bottom } = chartBox;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const step = niceStep(Math.max(0, ...points.map((point) => point.cumulative)));
  const yMax = Math.max(
    step,
    Math.ceil(Math.max(1, ...points.map((point) => point.cumulative)) / step) * step,
  );
  const xAt = (index: number) =>
    points.length === 1 ? left + plotWidth / 2 : left + (index * plotWidth) / (points.length - 1);
  const yAt = (value: number) => top + plotHeight - (value / yMax) * plotHeight;

  const dots = points.map((point, index) => ({ x: xAt(index), y: yAt(point.cumulative), point }));
  const line = dots
    .map((dot, index) => `${index === 0 ? "M" : "L"}${dot.x.toFixed(1)},${dot.y.toFixed(1)}`)
    .join(" ");
  const first = dots[0];
  const last = dots.at(-1);
  const area =
    first && last
      ? `${line} L${last.x.toFixed(1)},${yAt(0).toFixed(1)} L${first.x.toFixed(1)},${yAt(0).toFixed(1)} Z`
      : "";

  // At most six month labels, so they never overlap; the last month is always labelled.
  const stride = Math.max(1, Math.ceil(points.length / 6));
  const xTicks = dots
    .filter((_, index) => index % stride === 0 || index === dots.length - 1)
    .filter(
      (dot, index, shown) =>
        index === shown.length - 1 || (shown.at(-1)?.x ?? 0) - dot.x >= plotWidth / 8,
    )
    .map((dot, index, shown) => ({
      x: dot.x,
      month: dot.point.month,
      anchor: anchorOf(index, shown.length),
    }));
  const yTicks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, index) => ({
    y: yAt(index * step),
    value: index * step,
  }));
  return { line, area, dots, xTicks, yTicks };
}

const intlTags: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/** "2025-03" in the reader's language ("Mar 2025"); the month is a calendar month, so no zone applies. */
export function formatMonth(locale: Locale, month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(intlTags[locale], {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1)));
}
