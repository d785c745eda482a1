import { create as parseFont, Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * PDFs that can print a donor's or a fund's name in any of the six UN languages. pdfkit's standard fonts
 * (Helvetica) are WinAnsi only, so "Việt Nam", Cyrillic, Chinese and Arabic came out garbled. Three Noto
 * fonts shipped by npm packages (so a fresh `npm ci` has them) cover the six: Noto Sans (Latin with every
 * diacritic, Cyrillic, Greek), Noto Naskh Arabic and Noto Sans Hans (Simplified Chinese, GB2312). pdfkit
 * embeds only the subset of glyphs a document uses, and shapes through fontkit, which joins Arabic letters
 * and lays an Arabic run out right to left. pdfkit has no font fallback, so `pdfText` cuts each line into
 * runs by script and writes each run in the font that has its glyphs.
 */
export type Script = 'latin' | 'arabic' | 'cjk';
type Weight = 'regular' | 'bold';

const FONT_FILES: Record<Script, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: '@embedpdf/fonts-latin', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  arabic: {
    pkg: '@embedpdf/fonts-arabic',
    regular: 'NotoNaskhArabic-Regular.ttf',
    bold: 'NotoNaskhArabic-Bold.ttf',
  },
  cjk: { pkg: '@embedpdf/fonts-sc', regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' },
};

const cache = new Map<string, Font>();

/**
 * The font, read and parsed once per process (the packages export no subpaths: go by their main). Handing
 * pdfkit the parsed font instead of its bytes spares every document the parse and fontkit's layout caches
 * warm up once: a ten-line Latin page went from 200-600 ms to 10-90 ms on a loaded machine (Chinese from
 * 800 ms to 300-460 ms: subsetting its CFF outlines is the rest). Each document still embeds its own
 * subset of the glyphs it used.
 */
function font(script: Script, weight: Weight): Font {
  const key = `${script}-${weight}`;
  let parsed = cache.get(key);
  if (!parsed) {
    const { pkg, [weight]: file } = FONT_FILES[script];
    parsed = parseFont(readFileSync(join(dirname(require.resolve(pkg)), '..', 'fonts', file)));
    cache.set(key, parsed);
  }
  return parsed;
}

export function scriptOf(code: number): Script | null {
  if (
    (code >= 0x0600 && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff)
  )
    return 'arabic';
  if (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code >= 0x20000
  )
    return 'cjk';
  // Spaces and punctuation that both neighbours share take their script; see `runsOf`.
  if (/[\s.,;:!?'"()\-\u060c\u061b\u061f]/u.test(String.fromCodePoint(code))) return null;
  return 'latin';
}

/** Cuts text into runs of one script; a space or punctuation between two runs of one script joins them. */
export function runsOf(text: string): { script: Script; text: string }[] {
  const chars = [...text];
  const scripts = chars.map((c) => scriptOf(c.codePointAt(0)!));
  const resolved = scripts.map((s, i) => {
    if (s) return s;
    const before = scripts.slice(0, i).reverse().find(Boolean) ?? null;
    const after = scripts.slice(i + 1).find(Boolean) ?? null;
    return before && before === after ? before : 'latin';
  });
  const runs: { script: Script; text: string }[] = [];
  chars.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (last && last.script === resolved[i]) last.text += c;
    else runs.push({ script: resolved[i], text: c });
  });
  return runs;
}

/** A pdfkit document whose text is written with `pdfText` in embedded Noto fonts. */
export function unicodePdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options);
  for (const script of Object.keys(FONT_FILES) as Script[]) {
    for (const weight of ['regular', 'bold'] as const) {
      doc.registerFont(`${script}-${weight}`, font(script, weight) as unknown as Uint8Array);
    }
  }
  return doc.font('latin-regular');
}

/** Writes one paragraph (any scripts mixed) at the current position, in the document's font size. */
export function pdfText(
  doc: PDFKit.PDFDocument,
  text: string,
  options: { bold?: boolean } = {},
): PDFKit.PDFDocument {
  const weight: Weight = options.bold ? 'bold' : 'regular';
  const runs = runsOf(text);
  if (!runs.length) return doc.font(`latin-${weight}`).text('');
  runs.forEach((run, i) => {
    doc.font(`${run.script}-${weight}`).text(run.text, { continued: i < runs.length - 1 });
  });
  return doc.font(`latin-${weight}`);
}
