/** The languages written right to left among the six. */
const RTL = new Set(['ar']);

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML part of a mail, from its text: the reader's language and direction on the document (Arabic
 * right to left: `dir="rtl"`, so mail readers lay it out and align it from the right), paragraphs at blank
 * lines, line breaks kept, web addresses as links (in their own left-to-right isolate inside Arabic).
 */
export function mailHtml(text: string, locale: string): string {
  const dir = RTL.has(locale) ? 'rtl' : 'ltr';
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((p) =>
      escape(p)
        .replace(/https?:\/\/[^\s<>"]+/g, (url) => `<a href="${url}" dir="ltr">${url}</a>`)
        .replace(/\n/g, '<br>\n'),
    )
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  const align = dir === 'rtl' ? 'right' : 'left';
  return (
    `<!doctype html>\n<html lang="${locale}" dir="${dir}">\n<head><meta charset="utf-8"></head>\n` +
    `<body dir="${dir}" style="direction:${dir};text-align:${align};font-family:sans-serif">\n${paragraphs}\n</body>\n</html>\n`
  );
}
