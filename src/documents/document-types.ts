/**
 * What evidence may be: the file types the office accepts, judged by what the bytes are, never by
 * the name or the declared header. Binary types are known by their magic bytes (the `file-type`
 * package); text types have none, so text is whatever is valid UTF-8 without NUL, and which text
 * type it is (plain, CSV, an e-mail) is the one thing the sender's name or header may choose.
 */
export const SUPPORTED_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'text/plain': 'plain text',
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'message/rfc822': 'EML',
} as const;

export type DocumentType = keyof typeof SUPPORTED_TYPES;

export const DOCUMENT_TYPES = Object.keys(SUPPORTED_TYPES) as DocumentType[];

const TEXT_TYPES: readonly DocumentType[] = ['text/plain', 'text/csv', 'message/rfc822'];

/** What `file-type` names some of these (HEIF brands, older names) as. */
const DETECTED_ALIASES: Readonly<Record<string, DocumentType>> = {
  'image/heic-sequence': 'image/heic',
  'image/heif': 'image/heic',
  'image/heif-sequence': 'image/heic',
};

export function isTextType(type: DocumentType): boolean {
  return TEXT_TYPES.includes(type);
}

/** The supported type a detected MIME type stands for, if any. */
export function supportedDetectedType(detected: string): DocumentType | undefined {
  const type = DETECTED_ALIASES[detected] ?? detected;
  return Object.hasOwn(SUPPORTED_TYPES, type) ? (type as DocumentType) : undefined;
}

/**
 * For content that is text: CSV or an e-mail when the sender says so (by header or extension),
 * plain text otherwise. A text file is served as text with `nosniff`, whichever it is.
 */
export function textTypeFor(declaredType: string, filename: string): DocumentType {
  const declared = declaredType.split(';')[0].trim().toLowerCase();
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1].toLowerCase();
  if (declared === 'text/csv' || extension === 'csv') return 'text/csv';
  if (declared === 'message/rfc822' || extension === 'eml') return 'message/rfc822';
  return 'text/plain';
}

/** The header a stored type is served with: text is declared UTF-8, since that is what it is. */
export function servedContentType(type: string): string {
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}
