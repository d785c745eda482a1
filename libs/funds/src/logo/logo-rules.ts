/** The fund's logo: at most 512 KiB, a PNG or JPEG by its bytes, 32 to 4096 pixels a side, at most 8:1. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MIN_SIDE = 32;
export const LOGO_MAX_SIDE = 4096;
export const LOGO_MAX_RATIO = 8;

/** Why an image of this size cannot stand on a letterhead (null: it can). */
export function logoSizeProblem(width: number, height: number): string | null {
  if (Math.min(width, height) < LOGO_MIN_SIDE)
    return `The logo is ${width} x ${height} pixels: each side must be at least ${LOGO_MIN_SIDE}`;
  if (Math.max(width, height) > LOGO_MAX_SIDE)
    return `The logo is ${width} x ${height} pixels: each side must be at most ${LOGO_MAX_SIDE}`;
  if (Math.max(width, height) / Math.min(width, height) > LOGO_MAX_RATIO)
    return `The logo is ${width} x ${height} pixels: one side may be at most ${LOGO_MAX_RATIO} times the other`;
  return null;
}
