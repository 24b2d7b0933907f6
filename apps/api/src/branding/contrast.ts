// WCAG 2.1 contrast (success criteria 1.4.3 and 1.4.11): relative luminance of sRGB colours and the
// ratio between two of them, from 1:1 to 21:1. Portal buttons and headers put white text on the
// tenant's colours, so each colour is judged against white.

/** Relative luminance of `#rrggbb`, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two `#rrggbb` colours (the `x` of `x:1`). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** What white text needs on each brand colour: normal-size text (4.5:1) and large text or UI parts (3:1). */
export const minimumContrast = { primaryColor: 4.5, accentColor: 3 } as const;

/**
 * Why white text on `color` is too faint for `field` (a message and the figures to word it), or
 * undefined when it is legible enough. The ratio is rounded down, so a colour just under the limit
 * never reads as meeting it.
 */
export function contrastProblem(
  field: keyof typeof minimumContrast,
  color: string,
): { message: string; params: { ratio: number; minimum: number } } | undefined {
  const ratio = contrastRatio(color, "#ffffff");
  const minimum = minimumContrast[field];
  if (ratio >= minimum) return undefined;
  const shown = Math.floor(ratio * 100) / 100;
  return {
    message: `${field} ${color} has a contrast ratio of ${shown.toFixed(2)}:1 with white text; at least ${String(minimum)}:1 is needed (WCAG 2.1)`,
    params: { ratio: shown, minimum },
  };
}
