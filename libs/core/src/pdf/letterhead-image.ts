import PDFDocument from 'pdfkit';
import { pdfBuffer } from './pdf-buffer';

export type LetterheadImageType = 'image/png' | 'image/jpeg';

export interface LetterheadImage {
  mime: LetterheadImageType;
  width: number;
  height: number;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG or JPEG by the file's first bytes (never by its name or declared type); null for anything else. */
export function imageTypeOf(bytes: Buffer): LetterheadImageType | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * What a letterhead image is, read by the library that will draw it: pdfkit parses the PNG or JPEG (its
 * header, chunks and markers) and embeds it in a throwaway page, so an image that passes here is one every
 * receipt, statement and agreement can print. Null when the bytes are not a PNG or JPEG pdfkit can embed.
 */
export async function inspectLetterheadImage(bytes: Buffer): Promise<LetterheadImage | null> {
  const mime = imageTypeOf(bytes);
  if (!mime) return null;
  try {
    const doc = new PDFDocument({ size: [64, 64], margin: 0 });
    const done = pdfBuffer(doc);
    // openImage is pdfkit's own parser (not in its type definitions): it throws on what it cannot read.
    const opener = doc as unknown as { openImage(src: Buffer): { width: number; height: number } };
    const image = opener.openImage(bytes);
    doc.image(image as unknown as Buffer, 0, 0, { fit: [48, 48] });
    doc.end();
    await done;
    const { width, height } = image;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return null;
    return { mime, width, height };
  } catch {
    return null;
  }
}
