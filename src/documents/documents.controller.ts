import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { PositiveIntParam, UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { FILE_MEDIA_TYPES } from './document-files.js';
import {
  AcknowledgementResponse,
  AcknowledgementsResponse,
  ApproveDocumentVersionRequest,
  CreateDocumentRequest,
  CreateDocumentVersionRequest,
  DocumentQuery,
  DocumentResponse,
  DocumentSummaryResponse,
  RejectDocumentVersionRequest,
  RetireDocumentVersionRequest,
  ReviewDocumentRequest,
} from './document.dto.js';
import { DocumentLibraryService } from './document-library.service.js';
import { DocumentsService } from './documents.service.js';
import type { UploadedFile as UploadedDocumentFile } from './document-files.service.js';
import { DocumentFilesService } from './document-files.service.js';
import { DocumentFileInterceptor } from './file-upload.interceptor.js';

const DOCUMENT = new UuidParam('Document');
const FILE = new UuidParam('File');
const N = new PositiveIntParam('n');

/** Who works on documents: quality managers, and owners (programme leaders and board members may own one). */
const WRITERS = ['quality_manager', 'programme_leader', 'board_member'] as const;
/** Who acknowledges: anyone a version may name, never an auditor (they write nothing). */
const ACKNOWLEDGERS = ['admin', 'quality_manager', 'programme_leader', 'board_member'] as const;

@ApiTags('documents')
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: DocumentFilesService,
    private readonly library: DocumentLibraryService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'The library of controlled documents (policy, scope, process map, forms, consent text, agreement, handbook, external), by reference; overdue=true&owner=me for the reviews the caller owes, toAcknowledge=true for what the caller must read',
  })
  @ApiOkResponse({ type: [DocumentSummaryResponse] })
  list(@Ctx() ctx: RequestContext, @Query() q: DocumentQuery): Promise<DocumentSummaryResponse[]> {
    return this.library.list(ctx, q);
  }

  @Post()
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Create a controlled document with its owner and review-by day; version 1 is created as a draft' })
  @ApiCreatedResponse({ type: DocumentResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateDocumentRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentResponse> {
    const doc = await this.documents.create(ctx, body);
    res.setHeader('Location', `/api/documents/${doc.id}`);
    setETag(res, doc.version);
    return doc;
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    summary: 'A document with the versions the caller sees (drafts: quality managers, auditors and the owner), their files and signatures',
  })
  @ApiOkResponse({ type: DocumentResponse })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentResponse> {
    const doc = await this.library.get(ctx, id);
    setETag(res, doc.version);
    return doc;
  }

  @Post(':id/versions')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Start the next version as a draft (a quality manager or the owner; at most one open version)' })
  @ApiCreatedResponse({ type: DocumentResponse })
  createVersion(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Body() body: CreateDocumentVersionRequest,
  ): Promise<DocumentResponse> {
    return this.documents.createVersion(ctx, id, body);
  }

  @Post(':id/versions/:n/files')
  @Roles(...WRITERS)
  @UseInterceptors(DocumentFileInterceptor)
  @ApiOperation({
    summary:
      'Upload a file to a draft (multipart/form-data, part `file`): PDF, DOCX, PNG or JPEG judged from its content, at most DOCUMENT_FILE_LIMIT_MB; the uploader becomes one of its authors',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: DocumentResponse })
  upload(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Param('n', N) n: number,
    @UploadedFile() file: UploadedDocumentFile | undefined,
  ): Promise<DocumentResponse> {
    return this.files.upload(ctx, id, n, file);
  }

  @Get(':id/versions/:n/files/:fileId')
  @Authenticated()
  @ApiOperation({ summary: 'Download a file of a version the caller sees; the ETag is its SHA-256' })
  @ApiProduces(...FILE_MEDIA_TYPES)
  @ApiOkResponse({
    description: 'The file, with its media type and name',
    content: Object.fromEntries(FILE_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  async download(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Param('n', N) n: number,
    @Param('fileId', FILE) fileId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.library.download(ctx, id, n, fileId);
    res.status(200);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', file.contentDisposition);
    res.setHeader('Content-Length', String(file.content.length));
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.content);
  }

  @Delete(':id/versions/:n/files/:fileId')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Remove a file uploaded by mistake from a draft (a quality manager or the owner)' })
  @ApiOkResponse({ type: DocumentResponse })
  removeFile(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Param('n', N) n: number,
    @Param('fileId', FILE) fileId: string,
  ): Promise<DocumentResponse> {
    return this.files.removeFile(ctx, id, n, fileId);
  }

  @Post(':id/versions/:n/submit')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Submit a draft with its files for review; from now on it never changes' })
  @ApiOkResponse({ type: DocumentResponse })
  submit(@Ctx() ctx: RequestContext, @Param('id', DOCUMENT) id: string, @Param('n', N) n: number): Promise<DocumentResponse> {
    return this.documents.submit(ctx, id, n);
  }

  @Post(':id/versions/:n/approve')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Approve a version under review with an electronic signature (password re-entered) by a quality manager who wrote none of it; it comes into force on its effective day and supersedes the version in force',
  })
  @ApiOkResponse({ type: DocumentResponse })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Param('n', N) n: number,
    @Body() body: ApproveDocumentVersionRequest,
  ): Promise<DocumentResponse> {
    return this.documents.approve(ctx, id, n, body);
  }

  @Post(':id/versions/:n/reject')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Reject a version under review; work continues in the next version' })
  @ApiOkResponse({ type: DocumentResponse })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Param('n', N) n: number,
    @Body() body: RejectDocumentVersionRequest,
  ): Promise<DocumentResponse> {
    return this.documents.reject(ctx, id, n, body.comment);
  }

  @Post(':id/versions/:n/retire')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary: 'Retire the version in force with an electronic signature (meaning retirement): the document is no longer in force',
  })
  @ApiOkResponse({ type: DocumentResponse })
  retire(
    @Ctx() ctx: RequestContext,
    @Param('id', DOCUMENT) id: string,
    @Param('n', N) n: number,
    @Body() body: RetireDocumentVersionRequest,
  ): Promise<DocumentResponse> {
    return this.documents.retire(ctx, id, n, body.reason, body.password);
  }

  @Post(':id/reviews')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    summary: '"Reviewed, no change": the version in force still fits; the review-by day moves on (a quality manager or the owner)',
  })
  @ApiOkResponse({ type: DocumentResponse })
  review(@Ctx() ctx: RequestContext, @Param('id', DOCUMENT) id: string, @Body() body: ReviewDocumentRequest): Promise<DocumentResponse> {
    return this.documents.review(ctx, id, body);
  }

  @Post(':id/acknowledgements')
  @HttpCode(200)
  @Roles(...ACKNOWLEDGERS)
  @ApiOperation({
    summary:
      '"I have read and understood" the version in force, for a user holding a role it names; acknowledging again records nothing new',
  })
  @ApiOkResponse({ type: AcknowledgementResponse })
  acknowledge(@Ctx() ctx: RequestContext, @Param('id', DOCUMENT) id: string): Promise<AcknowledgementResponse> {
    return this.documents.acknowledge(ctx, id);
  }

  @Get(':id/acknowledgements')
  @Roles('quality_manager', 'auditor')
  @ApiOperation({ summary: 'Who must acknowledge the version in force, and who has not yet' })
  @ApiOkResponse({ type: AcknowledgementsResponse })
  acknowledgements(@Param('id', DOCUMENT) id: string): Promise<AcknowledgementsResponse> {
    return this.library.acknowledgements(id);
  }
}
