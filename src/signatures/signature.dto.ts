import { ApiProperty } from '@nestjs/swagger';

export class SignatureResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when the system signed (baseline import)' })
  signerId: string | null;
  @ApiProperty({ description: 'Printed name of the signer at the time of signing' }) signerName: string;
  @ApiProperty({ example: 'approved' }) meaning: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ example: 'procedure_version' }) recordType: string;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ nullable: true, type: Number }) recordVersion: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of what was signed' }) contentHash: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'What was signed, when the signature keeps it (closures, board reviews, management reviews): `contentHash` is the SHA-256 of its canonical JSON (RFC 8785), so anyone can recompute it',
  })
  signedContent: Record<string, unknown> | null;
}
