import { Module } from '@nestjs/common';
import { DocumentLibraryService } from './document-library.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentFilesService } from './document-files.service.js';
import { DocumentsService } from './documents.service.js';
import { DocumentFileInterceptor } from './file-upload.interceptor.js';

/**
 * Controlled documents beyond procedures (ISO 9001 7.5): policy, scope, process map, forms and the
 * rest, under document control, with their files, reviews and acknowledgements. Owns the tables
 * `controlled_document`, `document_version`, `document_file`, `document_version_contributor`,
 * `document_review` and `document_acknowledgement`.
 */
@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentFilesService, DocumentLibraryService, DocumentFileInterceptor],
  exports: [DocumentLibraryService],
})
export class DocumentsModule {}
