import { liesInIndonesia } from "@sigap/api/indonesia";

/** Where a responder's phone is, sent with a report when the responder chooses to share it. */
export interface ReportPosition {
  latitude: number;
  longitude: number;
}

/**
 * The phone's position, or null when it cannot say within a few seconds (no fix indoors, the
 * permission refused, no GPS at all) or says somewhere outside Indonesia, which the API would
 * refuse. A report never waits longer than that for its position, and never fails for the lack
 * of one.
 */
export function currentPosition(): Promise<ReportPosition | null> {
  if (!("geolocation" in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        resolve(
          liesInIndonesia(coords.latitude, coords.longitude)
            ? { latitude: coords.latitude, longitude: coords.longitude }
            : null,
        );
      },
      () => {
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: 8_000, maximumAge: 60_000 },
    );
  });
}
