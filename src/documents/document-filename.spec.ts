import { attachmentDisposition, cleanFilename } from './document-filename';

describe('cleanFilename', () => {
  it('keeps only the last path segment, whichever separator the sender used', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\anna\\receipt.pdf')).toBe('receipt.pdf');
  });

  it('drops control characters and bidi overrides that disguise the extension', () => {
    expect(cleanFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFilename('a\u0000b\u0007c\u009b.txt')).toBe('abc.txt');
    expect(cleanFilename('x\u2066y\u2069.pdf')).toBe('xy.pdf');
  });

  it('keeps any language and names a nameless file "document"', () => {
    expect(cleanFilename('Квитанция 收据.pdf')).toBe('Квитанция 收据.pdf');
    expect(cleanFilename('')).toBe('document');
    expect(cleanFilename('../')).toBe('document');
    expect(cleanFilename('...')).toBe('document');
    expect(cleanFilename(undefined)).toBe('document');
  });

  it('cuts very long names', () => {
    expect([...cleanFilename('é'.repeat(500))].length).toBe(200);
  });
});

describe('attachmentDisposition', () => {
  it('is an attachment with an ASCII fallback and the UTF-8 name percent-encoded', () => {
    expect(attachmentDisposition('Квитанция "1".pdf')).toBe(
      `attachment; filename="_________ _1_.pdf"; filename*=UTF-8''%D0%9A%D0%B2%D0%B8%D1%82%D0%B0%D0%BD%D1%86%D0%B8%D1%8F%20%221%22.pdf`,
    );
    expect(attachmentDisposition("it's (1).txt")).toBe(
      `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });
});
