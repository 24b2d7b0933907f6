/**
 * Indonesia from Sabang to Merauke and Miangas to Rote, with a margin for the sea around it. The
 * API refuses a coordinate outside it; the portal asks the same question before it sends a
 * phone's position, so a responder abroad (or a phone that reports nonsense) files the report
 * without one instead of having it refused.
 */
export const indonesiaBounds = { latitude: [-12, 7], longitude: [94, 142] } as const;

export function liesInIndonesia(latitude: number, longitude: number): boolean {
  const within = (value: number, [min, max]: readonly [number, number]) =>
    value >= min && value <= max;
  return within(latitude, indonesiaBounds.latitude) && within(longitude, indonesiaBounds.longitude);
}
