import { execFileSync } from 'node:child_process';
import type { Response } from 'superagent';

/**
 * Reads a PDF's text back with pdf-parse. pdf.js loads its worker with a dynamic import that jest's VM
 * cannot run, so the parse happens in a plain Node child process.
 */
export function pdfText(pdf: Buffer): string {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: Buffer.concat(chunks) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(result.text);
    });`;
  return execFileSync(process.execPath, ['-e', script], {
    input: pdf,
    cwd: process.cwd(),
    maxBuffer: 64 << 20,
  }).toString('utf8');
}

/** supertest parser that keeps a binary body as a Buffer. */
export function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
