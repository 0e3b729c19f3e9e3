import type { Multipart, MultipartFile } from '@fastify/multipart';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { multipartProblem } from '../../common/http/multipart-errors';
import { cleanFilename } from '../../documents/document-filename';
import { tooLarge } from '../../documents/documents.errors';
import { UploadFieldsDto } from '../../documents/dto/document-requests.dto';
import { UploadPart, UploadSource } from '../../documents/upload/upload-form';

/** The filing form's file input: any number of files up to FILING_MAX_DOCUMENTS. */
export const DOCUMENTS_FIELD = 'documents';
/** At filing; more can be added from the case page, up to the case's own limit. */
export const FILING_MAX_DOCUMENTS = 5;
const MAX_FIELDS = 40;
/** A description of 10,000 characters, each up to four bytes of UTF-8. */
const MAX_FIELD_BYTES = 48 * 1024;

/** One attached document, handed to DocumentsService.upload as its upload form. */
export class AttachedDocument implements UploadSource {
  constructor(
    private readonly part: MultipartFile,
    private readonly maxBytes: number,
  ) {}

  get filename(): string {
    return cleanFilename(this.part.filename);
  }

  file(): Promise<UploadPart> {
    return Promise.resolve({
      filename: this.filename,
      declaredType: this.part.mimetype,
      bytes: this.bytes(),
    });
  }

  /** The filing form describes none of its documents. */
  rest(): Promise<UploadFieldsDto> {
    return Promise.resolve(new UploadFieldsDto());
  }

  /** What is left of the file after a refusal, read and dropped, so the next part can follow. */
  async discard(): Promise<void> {
    for await (const chunk of this.part.file) void chunk;
  }

  /** A refusal stops reading mid-file without destroying the part, so discard() can finish it. */
  private async *bytes(): AsyncGenerator<Buffer> {
    for await (const chunk of this.part.file.iterator({ destroyOnReturn: false }))
      yield chunk as Buffer;
    if (this.part.file.truncated) throw tooLarge(this.maxBytes);
  }
}

/**
 * The filing form sent as multipart/form-data, read as it streams: its text fields first (the
 * file input is the form's last field, and browsers send the parts in the form's order), then
 * the documents one by one. A file larger than the limit is cut off and refused by itself; the
 * rest of the form still arrives.
 */
export class FilingParts {
  private pending: MultipartFile | undefined;

  private constructor(
    private readonly parts: AsyncIterableIterator<Multipart>,
    private readonly maxBytes: number,
  ) {}

  static open(request: FastifyRequest, maxBytes: number): FilingParts {
    // @fastify/multipart reads throwFileSizeLimit per call too, though its types leave it out.
    const options = {
      throwFileSizeLimit: false,
      limits: {
        fileSize: maxBytes,
        files: FILING_MAX_DOCUMENTS * 4,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: MAX_FIELDS + FILING_MAX_DOCUMENTS * 4,
      },
    };
    return new FilingParts(request.parts(options), maxBytes);
  }

  /** The text fields, up to the first document. */
  async fields(): Promise<Record<string, string>> {
    const form: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let part = await this.next(); part; part = await this.next()) {
      if (part.type === 'file') {
        this.pending = part;
        break;
      }
      if (typeof part.value !== 'string' || part.value.includes('\u0000')) {
        throw new DomainError('BAD_REQUEST', 'The form has a field that is not text');
      }
      form[part.fieldname] = part.value;
    }
    return form;
  }

  /**
   * The documents in the order sent; an empty file input (no file chosen) sends a part with no
   * name, which is no document. Fields after the documents are read and dropped.
   */
  async *documents(): AsyncGenerator<AttachedDocument> {
    for (let part = this.pending ?? (await this.next()); part; part = await this.next()) {
      this.pending = undefined;
      if (part.type !== 'file') continue;
      const document = new AttachedDocument(part, this.maxBytes);
      if (part.fieldname !== DOCUMENTS_FIELD || part.filename === '') await document.discard();
      else yield document;
    }
  }

  /**
   * Reads the rest of the form and drops it (the filing was refused, or it was a replay);
   * answers how many documents it held.
   */
  async discard(): Promise<number> {
    let count = 0;
    for await (const document of this.documents()) {
      await document.discard();
      count++;
    }
    return count;
  }

  private async next(): Promise<Multipart | undefined> {
    try {
      const { value, done } = await this.parts.next();
      return done ? undefined : (value as Multipart);
    } catch (error) {
      throw multipartProblem(error, 'a filing');
    }
  }
}
