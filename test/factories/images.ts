import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
};

/**
 * A real RGB PNG drawn pixel by pixel: `paint(x, y)` gives each pixel's [r, g, b]. By default an emblem:
 * a blue disc with a white ring on white, like a fund's logo.
 */
export function pngImage(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number] = emblem(width, height),
): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (none), then RGB
    for (let x = 0; x < width; x++) row.set(paint(x, y), 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function emblem(width: number, height: number) {
  const r = Math.min(width, height) / 2;
  return (x: number, y: number): [number, number, number] => {
    const d = Math.hypot(x - width / 2 + 0.5, y - height / 2 + 0.5) / r;
    if (d > 0.96) return [255, 255, 255];
    if (d > 0.62 && d < 0.72) return [255, 255, 255];
    return [27, 94, 154];
  };
}

/** A PNG too large to be a logo (over 512 KiB): noise does not compress. */
export function noisyPng(width: number, height: number): Buffer {
  const noise = randomBytes(width * height * 3);
  return pngImage(width, height, (x, y) => {
    const i = (y * width + x) * 3;
    return [noise[i], noise[i + 1], noise[i + 2]];
  });
}
