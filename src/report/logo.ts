import type { ReportBranding } from "./model.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The logo as a `data:` URI, or undefined. The schema already checked it; checking again here
 * keeps a state that reached the renderer another way from putting anything but base64 in `src`.
 */
export function logoDataUri(branding: ReportBranding): string | undefined {
  const logo = branding.logo;
  if (!logo || !BASE64.test(logo.dataBase64)) return undefined;
  if (logo.mediaType !== "image/png" && logo.mediaType !== "image/jpeg") return undefined;
  return `data:${logo.mediaType};base64,${logo.dataBase64}`;
}

/** Pixel size of a PNG or JPEG, read from its header; undefined when the bytes are neither. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47) {
    return positive(view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return undefined;
  // Walk the JPEG segments to the first start-of-frame marker, which holds the size.
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = view.getUint16(offset + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return positive(view.getUint16(offset + 7), view.getUint16(offset + 5));
    offset += 2 + length;
  }
  return undefined;
}

function positive(width: number, height: number): { width: number; height: number } | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Scales a size down (never up) to fit a box, keeping its proportions. */
export function fitWithin(
  size: { width: number; height: number },
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, box.width / size.width, box.height / size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}
