import type DOMPurify from "dompurify";

// An uploaded logo is judged by its bytes, never by the name or type the browser claimed: PNG and
// JPEG by their signatures and headers (read here: each format fixes where the size is, so a
// decoder library would only add surface), SVG by its text, then sanitised, because the portal and
// emails show it and an SVG can carry script.

export const maxLogoBytes = 512 * 1024;
export const maxLogoSide = 2048;

export type LogoMimeType = "image/png" | "image/jpeg" | "image/svg+xml";

export interface CheckedLogo {
  /** What to store: the upload itself for PNG/JPEG, the sanitised document for SVG. */
  data: Buffer;
  mimeType: LogoMimeType;
  /** Pixels for PNG/JPEG; for SVG the declared size (or viewBox), null when it declares none. */
  width: number | null;
  height: number | null;
  /** Elements and attributes taken out of an SVG (scripts, handlers, external references). */
  removedFromSvg: number;
}

/** Why a logo is refused, with what a client needs to word it (see `ownReasons` in http/errors.ts). */
export type LogoRefusal = { ok: false; message: string } & (
  | { reason: "file_too_large"; params: { kib: number; maximumKib: number } }
  | { reason: "image_too_large"; params: { width: number; height: number; maximum: number } }
  | {
      reason: "unsupported_file";
      params: { problem: "empty" | "not_an_image" | "unreadable" | "svg_dtd" | "svg_empty" };
    }
);

export type LogoCheck = { ok: true; logo: CheckedLogo } | LogoRefusal;

const kib = (bytes: number) => Math.ceil(bytes / 1024);

function unsupported(
  problem: Extract<LogoRefusal, { reason: "unsupported_file" }>["params"]["problem"],
  message: string,
): LogoRefusal {
  return { ok: false, message, reason: "unsupported_file", params: { problem } };
}

export async function checkLogo(data: Buffer): Promise<LogoCheck> {
  if (data.length === 0) return unsupported("empty", "logo is empty");
  if (data.length > maxLogoBytes) {
    const params = { kib: kib(data.length), maximumKib: kib(maxLogoBytes) };
    return {
      ok: false,
      message: `logo is ${String(params.kib)} KiB; at most ${String(params.maximumKib)} KiB is allowed`,
      reason: "file_too_large",
      params,
    };
  }
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return raster(data, "image/png", pngSize(data));
  if (startsWith(data, [0xff, 0xd8, 0xff])) return raster(data, "image/jpeg", jpegSize(data));
  const svg = svgText(data);
  if (svg?.withDtd)
    return unsupported(
      "svg_dtd",
      "logo is an SVG with its own DTD (entity declarations), which is not accepted",
    );
  if (svg) return sanitisedSvg(svg.text);
  return unsupported(
    "not_an_image",
    "logo must be a PNG, JPEG or SVG image; the file's content is none of these",
  );
}

function startsWith(data: Buffer, signature: number[]): boolean {
  return signature.every((byte, index) => data[index] === byte);
}

interface Size {
  width: number;
  height: number;
}

function raster(
  data: Buffer,
  mimeType: "image/png" | "image/jpeg",
  size: Size | undefined,
): LogoCheck {
  const format = mimeType === "image/png" ? "PNG" : "JPEG";
  if (!size || size.width === 0 || size.height === 0)
    return unsupported("unreadable", `logo is not a readable ${format} image`);
  if (size.width > maxLogoSide || size.height > maxLogoSide) {
    const limit = `${String(maxLogoSide)}×${String(maxLogoSide)}`;
    return {
      ok: false,
      message: `logo is ${String(size.width)}×${String(size.height)} pixels; at most ${limit} is allowed`,
      reason: "image_too_large",
      params: { width: size.width, height: size.height, maximum: maxLogoSide },
    };
  }
  return {
    ok: true,
    logo: { data, mimeType, width: size.width, height: size.height, removedFromSvg: 0 },
  };
}

/** PNG: the first chunk must be IHDR, whose data opens with width and height (PNG spec 11.2.2). */
function pngSize(data: Buffer): Size | undefined {
  if (data.length < 24 || data.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC),
 * which holds precision, height and width (ITU T.81 B.2.2).
 */
function jpegSize(data: Buffer): Size | undefined {
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return undefined;
    const marker = data[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // image data reached without a frame header
    const isFrameHeader =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrameHeader) {
      if (offset + 9 > data.length) return undefined;
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    offset += 2 + data.readUInt16BE(offset + 2);
  }
  return undefined;
}

/**
 * The document from its `<svg` element on, when the bytes are UTF-8 text whose first element is
 * `<svg>` (after an XML declaration, comments and a plain doctype). `withDtd` flags a doctype with
 * an internal subset, whose entities could smuggle content past the checks.
 */
function svgText(data: Buffer): { text: string; withDtd: boolean } | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
  const prolog =
    /^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+svg\b[^>[]*>)*/i.exec(text)?.[0] ?? "";
  const rest = text.slice(prolog.length);
  if (/^<!DOCTYPE\s+svg\b/i.test(rest)) return { text: rest, withDtd: true };
  return /^<svg[\s>/]/.test(rest) ? { text: rest, withDtd: false } : undefined;
}

/** A reference that leaves the document: CSS `url(...)` not pointing at `#id`, or `@import`. */
const externalCss = /url\s*\(\s*['"]?\s*(?!#)|@import/i;
/** What an `href` may point at: an element of the same document, or an embedded raster image. */
const internalHref = /^\s*(?:#|data:image\/(?:png|jpeg|gif|webp);base64,)/i;

interface SvgTools {
  purify: ReturnType<typeof DOMPurify>;
  serializer: XMLSerializer;
}

let tools: Promise<SvgTools> | undefined;
/** Counts the hooks' removals during one (synchronous) sanitize call. */
let removedByHooks = 0;

/**
 * DOMPurify with its SVG profile drops scripts, event handlers, `javascript:` links and
 * `<foreignObject>`; these hooks also drop what would make a viewer fetch something from elsewhere
 * (remote `href`s, CSS `url()` and `@import`), so a logo shown in an email cannot track its reader.
 * Loaded on the first SVG and built once: importing jsdom alone takes about 300 ms, which every
 * API start (and every test file) would pay otherwise.
 */
function svgTools(): Promise<SvgTools> {
  tools ??= buildSvgTools();
  return tools;
}

async function buildSvgTools(): Promise<SvgTools> {
  const [{ default: createPurifier }, { JSDOM }] = await Promise.all([
    import("dompurify"),
    import("jsdom"),
  ]);
  const window = new JSDOM("").window;
  const purify = createPurifier(window);
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && externalCss.test(node.textContent ?? "")) {
      node.textContent = "";
      removedByHooks += 1;
    }
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    for (const attribute of [...node.attributes]) {
      const external =
        attribute.localName === "href"
          ? !internalHref.test(attribute.value)
          : externalCss.test(attribute.value);
      if (external) {
        node.removeAttributeNode(attribute);
        removedByHooks += 1;
      }
    }
  });
  return { purify, serializer: new window.XMLSerializer() };
}

async function sanitisedSvg(svg: string): Promise<LogoCheck> {
  const { purify, serializer } = await svgTools();
  removedByHooks = 0;
  const fragment = purify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    RETURN_DOM_FRAGMENT: true,
  });
  const root = fragment.firstElementChild;
  if (root?.localName !== "svg" || root.namespaceURI !== "http://www.w3.org/2000/svg") {
    return unsupported(
      "svg_empty",
      "logo is an SVG with nothing left to show once unsafe content is removed",
    );
  }
  // Serialised as XML, not HTML: the result is served as image/svg+xml, which must be well formed.
  const data = Buffer.from(serializer.serializeToString(root));
  const size = svgSize(root);
  return {
    ok: true,
    logo: {
      data,
      mimeType: "image/svg+xml",
      width: size?.width ?? null,
      height: size?.height ?? null,
      removedFromSvg: purify.removed.length + removedByHooks,
    },
  };
}

/** The size the SVG declares: width and height in plain or pixel units, else its viewBox. */
function svgSize(root: Element): Size | undefined {
  const length = (value: string | null) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value ?? "");
    return match ? Math.round(Number(match[1])) : undefined;
  };
  const width = length(root.getAttribute("width"));
  const height = length(root.getAttribute("height"));
  if (width && height) return { width, height };
  const box = (root.getAttribute("viewBox") ?? "")
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [, , boxWidth, boxHeight] = box;
  if (box.length === 4 && boxWidth && boxHeight && boxWidth > 0 && boxHeight > 0) {
    return { width: Math.round(boxWidth), height: Math.round(boxHeight) };
  }
  return undefined;
}
