import type { Multipart, MultipartFile } from '@fastify/multipart';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { multipartProblem } from '../../common/http/multipart-errors';
import { validationFailed } from '../../common/errors/validation-errors';
import { bodyRefusal, BodyShapeLimits, inspectBody } from '../../common/http/body-guard';
import { cleanFilename } from '../document-filename';
import { UploadFieldsDto } from '../dto/document-requests.dto';
import { fileMissing, oneFileOnly, tooLarge } from '../documents.errors';

/** Room for the form's boundaries, part headers and text fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const FILE_FIELD = 'file';

/** A form carries a file and a few flat text fields: NUL and inherited names refused as in JSON. */
const FORM_FIELD_LIMITS: BodyShapeLimits = { maxNodes: 100, maxDepth: 2 };

export interface UploadPart {
  readonly filename: string;
  readonly declaredType: string;
  /** The file's bytes as they arrive; refusals (too large, malformed) are thrown from here. */
  readonly bytes: AsyncIterable<Buffer>;
}

/**
 * Where an upload's file and text fields come from: an upload form of the API, or one of the
 * documents a customer attaches to the filing form (src/portal/forms/filing-parts.ts).
 */
export interface UploadSource {
  file(): Promise<UploadPart>;
  rest(): Promise<UploadFieldsDto>;
}

/**
 * One upload form, read as it streams: the text fields before the file, the file itself, then
 * whatever follows it (more fields; a second file is refused). Multipart's own errors become the
 * service's problems here.
 */
export class UploadForm implements UploadSource {
  private readonly fields: Record<string, unknown> = {};

  private constructor(
    private readonly parts: AsyncIterableIterator<Multipart>,
    private readonly maxBytes: number,
  ) {}

  static open(request: FastifyRequest, maxBytes: number): UploadForm {
    if (!request.isMultipart()) {
      throw new DomainError(
        'DOCUMENT_MULTIPART_REQUIRED',
        'Send the document as multipart/form-data with a part named "file"',
      );
    }
    const declaredLength = Number(request.headers['content-length']);
    if (declaredLength > maxBytes + FORM_OVERHEAD_BYTES) throw tooLarge(maxBytes);
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 },
    });
    return new UploadForm(parts, maxBytes);
  }

  /** Reads up to the file; no file at all is a 400. */
  async file(): Promise<UploadPart> {
    for (;;) {
      const part = await this.next();
      if (!part) throw fileMissing();
      if (part.type === 'field') {
        this.keepField(part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== FILE_FIELD) {
        await drain(part);
        throw unknownField(part.fieldname);
      }
      return {
        filename: cleanFilename(part.filename),
        declaredType: part.mimetype,
        bytes: this.bytesOf(part),
      };
    }
  }

  /** The text fields, once the file has been read: those after it too, validated. */
  async rest(): Promise<UploadFieldsDto> {
    for (let part = await this.next(); part; part = await this.next()) {
      if (part.type === 'file') {
        await drain(part);
        throw oneFileOnly();
      }
      this.keepField(part.fieldname, part.value);
    }
    const finding = inspectBody(this.fields, FORM_FIELD_LIMITS);
    if (finding) throw bodyRefusal(finding, FORM_FIELD_LIMITS);
    const dto = plainToInstance(UploadFieldsDto, this.fields);
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length > 0) throw validationFailed(errors);
    return dto;
  }

  private keepField(name: string, value: unknown): void {
    if (Object.hasOwn(this.fields, name)) {
      throw new DomainError('VALIDATION_FAILED', `${name}: send it once`, {}, [
        { field: name, message: `${name} must be sent once` },
      ]);
    }
    this.fields[name] = value;
  }

  private async next(): Promise<Multipart | undefined> {
    try {
      const { value, done } = await this.parts.next();
      return done ? undefined : (value as Multipart);
    } catch (error) {
      throw this.translate(error);
    }
  }

  private async *bytesOf(part: MultipartFile): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of part.file) yield chunk as Buffer;
    } catch (error) {
      throw this.translate(error);
    }
    if (part.file.truncated) throw tooLarge(this.maxBytes);
  }

  private translate(error: unknown): unknown {
    switch ((error as { code?: string }).code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return tooLarge(this.maxBytes);
      case 'FST_FILES_LIMIT':
        return oneFileOnly();
    }
    return multipartProblem(error, 'an upload');
  }
}

function unknownField(name: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `${name}: this form takes one file, named "file"`,
    {},
    [{ field: name, message: `field ${name} should not exist; send the file as "file"` }],
  );
}

async function drain(part: MultipartFile): Promise<void> {
  for await (const chunk of part.file) void chunk;
}
