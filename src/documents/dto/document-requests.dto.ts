import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';

/** The text fields of an upload form; the file itself is the part named `file`. */
export class UploadFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsOptional()
  @IsUUID()
  informationRequestId?: string;
}

const FILE = { type: 'string', format: 'binary', description: 'The document (one per request)' };
const DESCRIPTION = { type: 'string', maxLength: 2000, example: 'Receipt of the return' };

/** The multipart bodies as OpenAPI shows them (Swagger UI builds its upload form from these). */
export const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { description: DESCRIPTION, file: FILE },
  },
};

export const COMPANY_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      description: DESCRIPTION,
      informationRequestId: {
        type: 'string',
        format: 'uuid',
        description: 'The information request this document answers',
      },
      file: FILE,
    },
  },
};

export const SHARE_WITH = ['customer', 'company'] as const;

export class ShareDocumentDto {
  @ApiProperty({ enum: SHARE_WITH, example: 'company' })
  @IsIn(SHARE_WITH)
  with!: (typeof SHARE_WITH)[number];
}

export class WithdrawDocumentDto {
  @ApiProperty({ example: 'Holds another customer’s bank details', maxLength: 2000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}
