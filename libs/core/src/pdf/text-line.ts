import { Script, scriptOf } from './unicode-pdf';

/**
 * One line of mixed-script text placed at an exact position: the document kit's tables, letterheads and
 * right-to-left paragraphs need the width of a line before drawing it, which pdfkit's flowing `text`
 * with `continued` runs cannot give. Each run is measured and drawn in the font that has its glyphs;
 * fontkit shapes an Arabic run (joined letters, right to left inside the run).
 *
 * The order of runs follows the Unicode bidirectional algorithm far enough for a document's lines:
 * Arabic is a right-to-left run, Latin and Chinese letters and digits are left-to-right runs, and spaces
 * or punctuation between two runs of different direction take the paragraph's direction (rule N1/N2).
 * In a right-to-left paragraph the runs are then laid out from the right, so "المبلغ: 12.00 USD" reads
 * the label on the right and the figure on its left, as an Arabic reader expects.
 */
export interface Run {
  script: Script;
  text: string;
}

export type Weight = 'regular' | 'bold';

/**
 * Giving pdfkit features makes it shape a run in one piece: without them it shapes word by word and
 * strings the words left to right, which put an Arabic run's words in the wrong order and lost a space.
 */
const FEATURES: Record<Script, string[]> = {
  arabic: ['rlig', 'liga'],
  latin: ['kern', 'liga'],
  cjk: ['kern'],
};

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '<': '>',
  '>': '<',
  '{': '}',
  '}': '{',
};
/** Spaces and Arabic punctuation: the Arabic font draws them inside an Arabic run. */
const ARABIC_NEUTRAL = /[\s\u060c\u061b\u061f]/u;

/**
 * Runs in visual order, left to right, for a paragraph whose base direction is `rtl` or not. A neutral
 * (space, punctuation) between two strong runs of one direction takes it, else the paragraph's; the
 * start and the end of the line count as the paragraph's direction. Right-to-left stretches (Arabic
 * and the neutrals that resolved right to left) are reversed as a whole; inside one, fontkit reverses an
 * Arabic run itself, and punctuation drawn in the Latin font is reversed here with its brackets
 * mirrored ("(" shows as ")"), as the bidi algorithm's rule L4 asks.
 */
export function visualRuns(text: string, rtl: boolean): Run[] {
  const chars = [...text];
  // letters, digits and marks are strong; every other character (a slash, a dash, a bracket) is neutral
  const scripts = chars.map((c) =>
    /[\p{L}\p{N}\p{M}]/u.test(c) ? (scriptOf(c.codePointAt(0)!) ?? 'latin') : null,
  );
  const base: Script = rtl ? 'arabic' : 'latin';
  const isRtl = (x: Script) => x === 'arabic';
  const items = chars.map((c, i) => {
    const strong = scripts[i];
    if (strong) return { c, font: strong, rtl: isRtl(strong) };
    const before = scripts.slice(0, i).reverse().find(Boolean) ?? base;
    const after = scripts.slice(i + 1).find(Boolean) ?? base;
    const dir = isRtl(before) === isRtl(after) ? isRtl(before) : rtl;
    if (!dir) return { c, font: isRtl(before) ? after : before, rtl: false };
    return ARABIC_NEUTRAL.test(c)
      ? { c, font: 'arabic' as Script, rtl: true }
      : { c: MIRRORED[c] ?? c, font: 'latin' as Script, rtl: true };
  });
  // stretches of one direction, each cut into runs of one font
  const stretches: { rtl: boolean; runs: Run[] }[] = [];
  for (const it of items) {
    let stretch = stretches[stretches.length - 1];
    if (!stretch || stretch.rtl !== it.rtl) stretches.push((stretch = { rtl: it.rtl, runs: [] }));
    const last = stretch.runs[stretch.runs.length - 1];
    if (last && last.script === it.font) last.text += it.c;
    else stretch.runs.push({ script: it.font, text: it.c });
  }
  const ordered = rtl ? stretches.reverse() : stretches;
  return ordered.flatMap((st) =>
    st.rtl
      ? st.runs
          .reverse()
          .map((r) =>
            r.script === 'arabic' ? r : { script: r.script, text: [...r.text].reverse().join('') },
          )
      : st.runs,
  );
}

/** The width of a line at the document's current font size. */
export function lineWidth(doc: PDFKit.PDFDocument, text: string, rtl: boolean, weight: Weight): number {
  return visualRuns(text, rtl).reduce(
    (w, r) =>
      w + doc.font(`${r.script}-${weight}`).widthOfString(r.text, { features: FEATURES[r.script] } as object),
    0,
  );
}

/** Draws one line starting at x (its left edge), baseline-aligned runs, no wrapping. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  rtl: boolean,
  weight: Weight,
): number {
  // pdfkit's text() moves the cursor; the kit places every line itself, so the cursor stays put
  const cursor = { x: doc.x, y: doc.y };
  let at = x;
  for (const r of visualRuns(text, rtl)) {
    doc.font(`${r.script}-${weight}`);
    const options = { lineBreak: false, baseline: 'alphabetic', features: FEATURES[r.script] };
    const w = doc.widthOfString(r.text, options as object);
    doc.text(r.text, at, y, options as object);
    at += w;
  }
  doc.font(`latin-${weight}`);
  doc.x = cursor.x;
  doc.y = cursor.y;
  return at - x;
}

/** A Chinese or Japanese character: a line may break before or after it. */
const BREAKS_ANYWHERE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Cuts a paragraph into lines no wider than `width`, breaking at spaces (and between Chinese characters). */
export function wrapLines(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  rtl: boolean,
  weight: Weight,
): string[] {
  const tokens: string[] = [];
  for (const word of text.split(/(\s+)/)) {
    if (!word) continue;
    if (/^https?:\/\//.test(word)) tokens.push(...word.split(/(?<=\/)/));
    else if (BREAKS_ANYWHERE.test(word)) tokens.push(...[...word]);
    else tokens.push(word);
  }
  const lines: string[] = [];
  let current = '';
  for (const token of tokens) {
    const next = current + token;
    if (current.trim() && !/^\s+$/.test(token) && lineWidth(doc, next, rtl, weight) > width) {
      lines.push(current.trim());
      current = token;
    } else current = next;
  }
  if (current.trim()) lines.push(current.trim());
  return lines.length ? lines : [''];
}
