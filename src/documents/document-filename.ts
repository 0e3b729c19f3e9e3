const FALLBACK = 'document';
const MAX_LENGTH = 200;

/**
 * A filename as the sender gave it, made safe to store and to send back: only its last path
 * segment, without control characters (C0, C1, DEL), bidirectional overrides and isolates (which
 * can disguise `invoice‮fdp.exe` as `invoiceexe.pdf`), or characters Windows refuses; never
 * refused, at worst renamed `document`.
 */
export function cleanFilename(raw: string | undefined): string {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const limited = [...cleaned].slice(0, MAX_LENGTH).join('');
  return limited === '' ? FALLBACK : limited;
}

/**
 * `Content-Disposition: attachment` with the name in RFC 6266 / 5987 form (`filename*=UTF-8''…`)
 * and a plain ASCII `filename` for old clients. Never `inline`: evidence is downloaded, not
 * rendered in the service's origin.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
