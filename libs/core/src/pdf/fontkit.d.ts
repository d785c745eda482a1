/** The one function of fontkit (pdfkit's own font engine) this project calls; fontkit ships no types. */
declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it wherever it accepts font bytes, and subsets it per document. */
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
