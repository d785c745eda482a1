import { mailHtml } from './mail-html';

describe('the HTML part of a mail', () => {
  it('lays Arabic out right to left and the other languages left to right', () => {
    const ar = mailHtml('مرحبا\n\nسطر', 'ar');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('<body dir="rtl"');
    expect(mailHtml('Bonjour', 'fr')).toContain('<html lang="fr" dir="ltr">');
  });

  it('escapes the text, keeps its paragraphs and line breaks, and links web addresses', () => {
    const html = mailHtml('A <b> & "c"\nnext\n\nhttps://x.example/a?b=1&c=2', 'en');
    expect(html).toContain('<p>A &lt;b&gt; &amp; &quot;c&quot;<br>\nnext</p>');
    expect(html).toContain(
      '<a href="https://x.example/a?b=1&amp;c=2" dir="ltr">https://x.example/a?b=1&amp;c=2</a>',
    );
  });
});
