import { afterEach, describe, expect, it, vi } from "vitest";
import { currentPosition } from "./position.ts";

/** A phone whose GPS says `coords`, or that refuses to say when given none. */
function phoneAt(coords?: { latitude: number; longitude: number }) {
  vi.stubGlobal("navigator", {
    geolocation: {
      getCurrentPosition: (
        found: (position: { coords: typeof coords }) => void,
        failed: () => void,
      ) => {
        if (coords) found({ coords });
        else failed();
      },
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("currentPosition", () => {
  it("gives the phone's position in Indonesia", async () => {
    phoneAt({ latitude: -7.44781, longitude: 112.71834 });
    expect(await currentPosition()).toEqual({ latitude: -7.44781, longitude: 112.71834 });
  });

  it("gives none for a position outside Indonesia, which the API would refuse with the whole report", async () => {
    phoneAt({ latitude: 48.8566, longitude: 2.3522 });
    expect(await currentPosition()).toBeNull();
  });

  it("gives none when the phone cannot say", async () => {
    phoneAt();
    expect(await currentPosition()).toBeNull();
  });
});
