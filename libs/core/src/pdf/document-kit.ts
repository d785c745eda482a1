import { create as qrCode } from 'qrcode';
import { DocumentLocale, fill, KIT_LABELS } from './kit-labels';
import { drawLine, lineWidth, Weight, wrapLines } from './text-line';
import { drawTable, splitFigure } from './pdf-table';
import { unicodePdf } from './unicode-pdf';

/**
 * A small kit for the documents people keep (receipts, statements, agreements): a letterhead, headings,
 * paragraphs, tables whose figures line up on the decimal point with ruled totals, a progress bar, a QR
 * code, a VOID stamp, numbered clauses and signature blocks, and on every page "Page 2 of 3" with when
 * and by whom the document was generated.
 *
 * Every document is a tagged PDF (PDF/UA-style structure tree: Document > H1/H2/P/Table > TR > TH/TD/L,
 * the page furniture marked as artifacts), with its language, its title shown by viewers, and metadata.
 * The same data gives the same bytes: the creation date and the file ID come from `generatedAt`, and
 * nothing else in the output depends on the clock. Right-to-left languages (Arabic) mirror the layout:
 * the letterhead and the text start on the right and table columns run from the right.
 */
export interface DocumentKitOptions {
  locale: DocumentLocale;
  title: string;
  subject: string;
  /** The fund (or organization) the document speaks for: the PDF's Author. */
  author: string;
  generatedAt: Date;
  generatedBy: string;
  keywords?: string;
}

export type Align = 'start' | 'end' | 'decimal';

export interface TableColumn {
  header: string;
  /** Share of the text width (the shares of a table add up to about 1). */
  width: number;
  align?: Align;
  /** A `decimal` column's decimal separator, where its figures are in a language's form (default "."). */
  decimal?: string;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** Rows drawn after a rule, in bold (totals). */
  totals?: string[][];
  /** Read by screen readers before the table. */
  summary?: string;
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#1b5e9a';
const RULE = '#8a8a8a';
const MARGIN = 56;
const FOOTER = 40;

type Struct = PDFKit.PDFStructureElement;

export class DocumentKit {
  readonly doc: PDFKit.PDFDocument;
  readonly rtl: boolean;
  /** The structure tree's Document element: every tagged part hangs from it. */
  readonly root: Struct;

  constructor(private readonly options: DocumentKitOptions) {
    this.rtl = options.locale === 'ar';
    this.doc = unicodePdf({
      size: 'A4',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
      bufferPages: true,
      tagged: true,
      lang: options.locale,
      displayTitle: true,
      pdfVersion: '1.7',
      info: {
        Title: options.title,
        Author: options.author,
        Subject: options.subject,
        Keywords: options.keywords ?? options.subject,
        Creator: 'Trust Fund Grants',
        Producer: 'Trust Fund Grants (pdfkit)',
        CreationDate: options.generatedAt,
        ModDate: options.generatedAt,
      },
    } as PDFKit.PDFDocumentOptions);
    this.doc.fillColor(INK);
    this.root = this.doc.struct('Document', { lang: options.locale, title: options.title });
    this.doc.addStructure(this.root);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = this.doc.page.margins.top;
    }
  }

  space(lines = 1): this {
    this.doc.y += lines * this.doc.currentLineHeight(true) * 0.6;
    return this;
  }

  /** Adds a structure element to the document with the drawing that is its content. */
  private tagged(type: string, draw: () => void, parent: Struct = this.root, options: object = {}) {
    const el = this.doc.struct(type, options);
    parent.add(el);
    el.add(draw);
    el.end();
  }

  /** One line at the reading start (left, or right in Arabic), `end` or centred. */
  private line(
    text: string,
    y: number,
    weight: Weight,
    at: 'start' | 'end' | 'center' = 'start',
    runsRtl = this.rtl,
  ) {
    const w = lineWidth(this.doc, text, runsRtl, weight);
    const startsLeft = (at === 'start') !== this.rtl;
    const x =
      at === 'center'
        ? this.left + (this.width - w) / 2
        : startsLeft
          ? this.left
          : this.left + this.width - w;
    drawLine(this.doc, text, x, y, runsRtl, weight);
  }

  /** The fund's letterhead: an optional logo, the fund's name, a second line (English beside it), a rule. */
  letterhead(name: string, subtitle?: string, logo?: Buffer): this {
    const doc = this.doc;
    const top = doc.page.margins.top;
    let textLeft = 0;
    if (logo) {
      const x = this.rtl ? this.left + this.width - 48 : this.left;
      this.tagged('Figure', () => doc.image(logo, x, top, { fit: [48, 48] }), this.root, { alt: name });
      textLeft = 60;
    }
    const saved = doc.page.margins.left;
    if (!this.rtl) doc.page.margins.left += textLeft;
    else doc.page.margins.right += textLeft;
    doc.fontSize(17);
    const nameLines = wrapLines(doc, name, this.width, this.rtl, 'bold');
    const nameHeight = nameLines.length * 21;
    this.tagged('H1', () => {
      doc.fontSize(17).fillColor(ACCENT);
      nameLines.forEach((l, n) => this.line(l, top + 17 + n * 21, 'bold'));
      if (subtitle) {
        doc.fontSize(10).fillColor(MUTED);
        this.line(subtitle, top + nameHeight + 12, 'regular');
      }
    });
    if (!this.rtl) doc.page.margins.left = saved;
    else doc.page.margins.right -= textLeft;
    doc.fillColor(INK);
    const ruleY = top + Math.max(logo ? 52 : 0, nameHeight + (subtitle ? 21 : 5));
    this.artifact(() => this.rule(ruleY, ACCENT, 1.5));
    doc.y = ruleY + 14;
    return this;
  }

  heading(text: string, level: 1 | 2 = 2, size = level === 1 ? 15 : 12): this {
    this.ensure(size * 3);
    this.tagged(`H${level}`, () => {
      this.doc.fontSize(size).fillColor(level === 1 ? INK : ACCENT);
      this.line(text, this.doc.y + size, 'bold');
      this.doc.fillColor(INK);
    });
    this.doc.y += size * 1.7;
    return this;
  }

  /** A paragraph, wrapped to the text width, in the reading direction. */
  paragraph(
    text: string,
    opts: {
      size?: number;
      bold?: boolean;
      color?: string;
      align?: 'start' | 'center';
      /** A paragraph in another language than the document's (English beside Arabic): tagged with it, and
       * read left to right when that language is, though it still starts on the page's reading side. */
      lang?: string;
    } = {},
  ): this {
    const size = opts.size ?? 10;
    const weight: Weight = opts.bold ? 'bold' : 'regular';
    const runsRtl = opts.lang ? opts.lang === 'ar' : this.rtl;
    this.doc.fontSize(size);
    const lines = wrapLines(this.doc, text, this.width, runsRtl, weight);
    const height = size * 1.45;
    this.ensure(height * Math.min(lines.length, 3));
    this.tagged(
      'P',
      () => {
        this.doc.fillColor(opts.color ?? INK);
        for (const l of lines) {
          this.ensure(height);
          this.line(l, this.doc.y + size, weight, opts.align ?? 'start', runsRtl);
          this.doc.y += height;
        }
        this.doc.fillColor(INK);
      },
      this.root,
      opts.lang ? { lang: opts.lang } : {},
    );
    this.doc.y += size * 0.4;
    return this;
  }

  /** A table (see `drawTable`): figures on the decimal point, totals ruled, the header repeated. */
  table(spec: TableSpec): this {
    drawTable(this, spec);
    return this;
  }

  /** A progress bar with its figures as text (the text is what a screen reader reads). */
  progress(ratio: number, caption: string): this {
    const doc = this.doc;
    const clamped = Math.max(0, Math.min(1, ratio));
    this.ensure(40);
    const y = doc.y;
    const w = this.width;
    this.artifact(() => {
      doc.rect(this.left, y, w, 12).fill('#dde3ea');
      const filled = w * clamped;
      if (filled > 0) doc.rect(this.rtl ? this.left + w - filled : this.left, y, filled, 12).fill(ACCENT);
      doc.rect(this.left, y, w, 12).lineWidth(0.5).stroke(RULE);
    });
    doc.fillColor(INK);
    doc.y = y + 18;
    return this.paragraph(caption, { size: 9.5 });
  }

  /** A QR code of `text`, drawn as vector squares at (x, y) (`side` points wide), with alternate text. */
  qr(text: string, x: number, y: number, side: number, alt: string): this {
    const { modules } = qrCode(text, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    const cell = side / (n + 8); // a quiet zone of four modules each side
    const el = this.doc.struct('Figure', { alt });
    this.root.add(el);
    el.add(() => {
      this.doc.rect(x, y, side, side).fill('#ffffff');
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++)
          if (modules.get(r, c)) this.doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
      this.doc.fill('#000000');
    });
    el.end();
    this.doc.fillColor(INK);
    return this;
  }

  /** VOID (or any word) across the page, under the text; the word is also read as text. */
  stamp(word: string, note: string): this {
    const doc = this.doc;
    const cx = doc.page.width / 2;
    const cy = doc.page.height / 2;
    this.tagged('P', () => {
      doc.save();
      doc.rotate(-35, { origin: [cx, cy] });
      doc.fontSize(110).fillColor('#c62828').fillOpacity(0.22);
      const w = lineWidth(doc, word, this.rtl, 'bold');
      drawLine(doc, word, cx - w / 2, cy + 38, this.rtl, 'bold');
      doc.restore();
      doc.fillOpacity(1).fillColor(INK);
    });
    return this.paragraph(note, { bold: true, color: '#c62828' });
  }

  /** Numbered clauses ("1.", "2.", ...), each a list item, for agreements. */
  clauses(items: { title: string; text: string }[]): this {
    items.forEach((item, i) => {
      this.heading(`${i + 1}. ${item.title}`, 2, 11);
      this.paragraph(item.text);
    });
    return this;
  }

  /**
   * Signature blocks side by side: a line, the name, the role, the date signed when recorded, and any
   * further details in small type (where from, the hash of what was signed), each wrapped to the block.
   */
  signatures(blocks: { role: string; name: string; signed?: string; details?: string[] }[]): this {
    const doc = this.doc;
    const gap = 20;
    const w = (this.width - gap * (blocks.length - 1)) / blocks.length;
    doc.fontSize(8);
    const details = blocks.map((b) =>
      (b.details ?? []).flatMap((d) => wrapLines(doc, d, w, this.rtl, 'regular')),
    );
    const extra = Math.max(0, ...details.map((d) => d.length)) * 10.5;
    this.ensure(90 + extra);
    const y = doc.y + 36;
    blocks.forEach((b, i) => {
      const x = this.rtl ? this.left + this.width - (i + 1) * w - i * gap : this.left + i * (w + gap);
      this.artifact(() =>
        doc
          .moveTo(x, y)
          .lineTo(x + w, y)
          .lineWidth(0.7)
          .stroke(INK),
      );
      this.tagged('P', () => {
        doc.fontSize(9.5).fillColor(INK);
        const at = (text: string, dy: number, weight: Weight) => {
          const tw = lineWidth(doc, text, this.rtl, weight);
          drawLine(doc, text, this.rtl ? x + w - tw : x, y + dy, this.rtl, weight);
        };
        at(b.name, 14, 'bold');
        at(b.role, 27, 'regular');
        if (b.signed) at(b.signed, 40, 'regular');
        doc.fontSize(8).fillColor(MUTED);
        details[i].forEach((line, n) => at(line, (b.signed ? 52 : 40) + n * 10.5, 'regular'));
        doc.fillColor(INK);
      });
    });
    doc.y = y + 52 + extra;
    return this;
  }

  /** Draws page furniture outside the structure tree (rules, shading, footers). */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' } as object);
    draw();
    this.doc.endMarkedContent();
  }

  rule(y: number, color: string, width: number): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .stroke(color);
  }

  /** Writes the footer on every page ("Page 2 of 3", generated when and by whom) and ends the PDF. */
  end(): PDFKit.PDFDocument {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    const labels = KIT_LABELS[this.options.locale];
    const at = this.options.generatedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN - 6;
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing in the margin must not add a page
      doc.markContent('Artifact', { type: 'Pagination' } as object);
      this.rule(y - 8, RULE, 0.5);
      doc.fontSize(8).fillColor(MUTED);
      this.line(fill(labels.generated, { at, by: this.options.generatedBy }), y + 4, 'regular', 'start');
      this.line(fill(labels.page, { page: i - start + 1, pages: count }), y + 4, 'regular', 'end');
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    doc.fillColor(INK);
    this.root.end();
    doc.flushPages();
    doc.end();
    return doc;
  }
}

export { splitFigure };
