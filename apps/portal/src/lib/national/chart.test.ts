import { describe, expect, it } from "vitest";
import { chartBox, chartGeometry, formatMonth } from "./chart.ts";
import type { AdoptionPoint } from "./types.ts";

/** `count` consecutive months from January 2024, `cumulative` live at the end of each. */
function months(cumulative: readonly number[]): AdoptionPoint[] {
  return cumulative.map((total, index) => ({
    month: `${String(2024 + Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, "0")}`,
    launched: total - (cumulative[index - 1] ?? 0),
    cumulative: total,
  }));
}

const plotLeft = chartBox.left;
const plotRight = chartBox.width - chartBox.right;
const baseline = chartBox.height - chartBox.bottom;

describe("the adoption chart's geometry", () => {
  it("spreads the months across the plot and scales the totals to round gridlines", () => {
    const geometry = chartGeometry(months([3, 10, 21, 37]));
    expect(geometry.dots.map((dot) => dot.x)).toEqual(
      [0, 1, 2, 3].map((index) => plotLeft + (index * (plotRight - plotLeft)) / 3),
    );
    // 37 regions: gridlines every 10, up to 40.
    expect(geometry.yTicks.map((tick) => tick.value)).toEqual([0, 10, 20, 30, 40]);
    expect(geometry.yTicks[0]?.y).toBe(baseline);
    expect(geometry.yTicks.at(-1)?.y).toBe(chartBox.top);
    const top = geometry.dots.at(-1);
    expect(top?.y).toBeCloseTo(baseline - (37 / 40) * (baseline - chartBox.top));
  });

  it("draws the line through every dot and closes the area on the baseline", () => {
    const geometry = chartGeometry(months([1, 2]));
    const [first, last] = geometry.dots;
    expect(geometry.line).toBe(
      `M${first?.x.toFixed(1) ?? ""},${first?.y.toFixed(1) ?? ""} L${last?.x.toFixed(1) ?? ""},${last?.y.toFixed(1) ?? ""}`,
    );
    expect(geometry.area).toBe(
      `${geometry.line} L${plotRight.toFixed(1)},${baseline.toFixed(1)} L${plotLeft.toFixed(1)},${baseline.toFixed(1)} Z`,
    );
  });

  it("labels at most seven months, the last always, keeping the outer labels inside the box", () => {
    const geometry = chartGeometry(months(Array.from({ length: 36 }, (_, index) => index * 4)));
    expect(geometry.xTicks.length).toBeLessThanOrEqual(7);
    expect(geometry.xTicks.at(-1)).toMatchObject({ month: "2026-12", anchor: "end" });
    expect(geometry.xTicks[0]).toMatchObject({ month: "2024-01", anchor: "start" });
    expect(geometry.xTicks.slice(1, -1).every((tick) => tick.anchor === "middle")).toBe(true);
  });

  it("centres a single month and still has a scale when nothing is live yet", () => {
    const geometry = chartGeometry(months([0]));
    expect(geometry.dots[0]?.x).toBe(plotLeft + (plotRight - plotLeft) / 2);
    expect(geometry.dots[0]?.y).toBe(baseline);
    expect(geometry.xTicks).toEqual([
      { x: geometry.dots[0]?.x, month: "2024-01", anchor: "middle" },
    ]);
    expect(geometry.yTicks.map((tick) => tick.value)).toEqual([0, 1]);
  });

  it("draws nothing without months", () => {
    expect(chartGeometry([])).toMatchObject({ line: "", area: "", dots: [], xTicks: [] });
  });
});

describe("month labels", () => {
  it("names the calendar month in the reader's language, whatever the zone", () => {
    expect(formatMonth("id", "2025-08")).toBe("Agu 2025");
    expect(formatMonth("en", "2025-08")).toBe("Aug 2025");
    expect(formatMonth("en", "2025-01")).toBe("Jan 2025");
  });
});
