import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, validationFailed } from '../common/problem.js';
import { ProblemException } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { actorOf, draftVersion, lockWritable } from './document-access.js';
import { checkFile, sha256Of } from './document-files.js';
import type { DocumentResponse } from './document.dto.js';
import { DOCUMENT_VERSION, DocumentLibraryService } from './document-library.service.js';
import { addContributor, deleteFile, fileNamed, filesOf, insertFile } from './documents.queries.js';

/** A file as the multipart upload hands it over. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * The files of a draft version (PDF, DOCX, images): checked by content, stored with their SHA-256,
 * removed only while the version is a draft. Whoever uploads or removes one writes part of the
 * version (and may not approve it). One transaction each, the document row locked first, audited.
 */
@Injectable()
export class DocumentFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly library: DocumentLibraryService,
  ) {}

  async upload(ctx: RequestContext, id: string, n: number, file: UploadedFile | undefined): Promise<DocumentResponse> {
    if (!file) throw validationFailed([{ field: 'file', message: 'is required (a multipart/form-data part named file)' }]);
    const checked = checkFile(file.originalname, file.mimetype, file.buffer);
    if (!checked.ok)
      throw new ProblemException('unsupported_file_type', checked.reason, { errors: [{ field: 'file', message: checked.reason }] });
    const actorId = actorOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const doc = await lockWritable(m, ctx, id);
      const version = await draftVersion(m, doc, n, 'upload files to');
      if (await fileNamed(m, version.id, checked.filename)) {
        throw conflict(
          'document_file_exists',
          `Version ${n} already has a file named ${checked.filename}; remove it first or rename the new one`,
          {
            errors: [{ field: 'file', message: `${checked.filename} is already a file of the version` }],
          },
        );
      }
      const sha256 = sha256Of(file.buffer);
      const fileId = await insertFile(m, {
        versionId: version.id,
        filename: checked.filename,
        mediaType: checked.mediaType,
        sha256,
        content: file.buffer,
        uploadedBy: actorId,
      });
      // Whoever uploads a file writes part of the version, and may not approve it.
      await addContributor(m, version.id, actorId, 'uploaded');
      await this.audit.append(m, ctx, {
        action: 'document_version.upload',
        entityType: DOCUMENT_VERSION,
        entityId: version.id,
        entityVersion: version.number,
        changes: {
          file: {
            old: null,
            new: { id: fileId, filename: checked.filename, mediaType: checked.mediaType, sizeBytes: file.buffer.length, sha256 },
          },
        },
      });
      return this.library.detail(m, ctx, id);
    });
  }

  async removeFile(ctx: RequestContext, id: string, n: number, fileId: string): Promise<DocumentResponse> {
    const actorId = actorOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const doc = await lockWritable(m, ctx, id);
      const version = await draftVersion(m, doc, n, 'remove files from');
      const file = (await filesOf(m, [version.id])).find((f) => f.id === fileId);
      if (!file) throw notFound('File');
      await deleteFile(m, fileId);
      await addContributor(m, version.id, actorId, 'edited');
      await this.audit.append(m, ctx, {
        action: 'document_version.remove_file',
        entityType: DOCUMENT_VERSION,
        entityId: version.id,
        entityVersion: version.number,
        changes: { file: { old: { id: file.id, filename: file.filename, sha256: file.sha256 }, new: null } },
      });
      return this.library.detail(m, ctx, id);
    });
  }
}
