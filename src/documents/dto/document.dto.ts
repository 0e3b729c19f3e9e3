import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_TYPES } from '../document-types';

const AUDIENCES = ['customer', 'company', 'ombudsman'] as const;

/** A document as a party or the office sees it listed; never its bytes. */
export class DocumentDto {
  @ApiProperty({ format: 'uuid', example: '5b0f1c9e-8d7a-4b53-9f0e-2a1d3c4b5e6f' }) id!: string;
  @ApiProperty({ example: 'receipt.pdf', description: 'As sent, cleaned of path parts' })
  filename!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, description: 'Judged by the content, not by the name' })
  contentType!: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Receipt of the return' })
  description!: string | null;
  @ApiProperty({ enum: AUDIENCES, example: 'customer', description: 'The side that uploaded it' })
  uploadedBy!: string;
  @ApiProperty({ example: '2026-03-02T10:15:00.000Z' }) uploadedAt!: string;
  @ApiProperty({ enum: AUDIENCES, isArray: true, example: ['customer', 'ombudsman'] })
  visibleTo!: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The information request it answered',
  })
  informationRequestId!: string | null;
}

export class DocumentUploaderDto {
  @ApiProperty({ example: 'olga' }) sub!: string;
  @ApiProperty({ example: 'ombudsman_officer' }) role!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Olga Officer' }) name!: string | null;
}

export class DocumentWithdrawalDto {
  @ApiProperty({ example: '2026-03-05T09:00:00.000Z' }) at!: string;
  @ApiProperty({ example: 'oscar' }) by!: string;
  @ApiProperty({ example: 'Holds another customer’s data' }) reason!: string;
}

/** The office's view: who uploaded it, when it was shared, whether it was withdrawn and why. */
export class StaffDocumentDto extends DocumentDto {
  @ApiProperty({ type: DocumentUploaderDto }) uploader!: DocumentUploaderDto;
  @ApiProperty({ type: String, nullable: true }) sharedWithCustomerAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) sharedWithCompanyAt!: string | null;
  @ApiProperty({ type: DocumentWithdrawalDto, nullable: true })
  withdrawal!: DocumentWithdrawalDto | null;
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentDto] }) items!: DocumentDto[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class StaffDocumentPageDto {
  @ApiProperty({ type: [StaffDocumentDto] }) items!: StaffDocumentDto[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}
