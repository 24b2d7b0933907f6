/**
 * The API's limits, shown as a hint and checked before reading a file, so a photo straight off a
 * camera is refused at once instead of after a long upload. The API judges the bytes either way.
 */
export const logoLimits = { kib: 512, side: 2048 } as const;

/** What the file picker offers; the API tells the types apart by content, not by this. */
export const logoAccept = "image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg";

/** A logo picked but not yet saved: its bytes for the API and a data URL for the preview. */
export interface ChosenLogo {
  name: string;
  base64: string;
  preview: string;
}

export function readLogo(file: File): Promise<ChosenLogo> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      const preview = typeof reader.result === "string" ? reader.result : "";
      resolve({ name: file.name, base64: preview.slice(preview.indexOf(",") + 1), preview });
    });
    reader.addEventListener("error", () => {
      reject(reader.error ?? new Error(`could not read ${file.name}`));
    });
    reader.readAsDataURL(file);
  });
}

/**
 * The saved logo through the portal's proxy to the API's public logo route. `version` (the
 * branding's last change) makes a replaced logo a new URL, so the route's five-minute cache never
 * shows the old one.
 */
export function logoUrl(slug: string, version: string | Date | null): string {
  const stamp = version === null ? "0" : String(new Date(version).getTime());
  return `/v1/tenants/${encodeURIComponent(slug)}/logo?v=${stamp}`;
}
