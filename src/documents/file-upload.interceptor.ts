import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ProblemException } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { sanitiseFilename } from './document-files.js';

/** What multer hands a storage engine for each file part. */
interface IncomingFile {
  originalname: string;
  mimetype: string;
  stream: NodeJS.ReadableStream;
}

/**
 * A multer storage engine that keeps the file in memory up to `limit` bytes, and refuses a larger
 * one with 413 naming the file as soon as the limit is passed (the rest of the body is drained, not
 * kept). Multer's own size limit would report only the form field, not the file.
 */
class CappedMemoryStorage {
  constructor(private readonly limit: number) {}

  _handleFile(_req: Request, file: IncomingFile, cb: (error: unknown, info?: { buffer: Buffer; size: number }) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    file.stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > this.limit) {
        failed = true;
        chunks.length = 0;
        file.stream.resume();
        const name = sanitiseFilename(file.originalname);
        const mb = Math.round((this.limit / 1024 / 1024) * 10) / 10;
        cb(
          new ProblemException('file_too_large', `${name} is larger than ${mb} MB, the largest file a document version takes`, {
            errors: [{ field: 'file', message: `${name} must be at most ${mb} MB` }],
          }),
        );
        return;
      }
      chunks.push(chunk);
    });
    file.stream.on('error', (e: unknown) => {
      if (!failed) cb(e);
      failed = true;
    });
    file.stream.on('end', () => {
      if (!failed) cb(null, { buffer: Buffer.concat(chunks), size });
    });
  }

  _removeFile(_req: Request, _file: unknown, cb: (error: Error | null) => void): void {
    cb(null);
  }
}

/**
 * Reads the one file of a multipart/form-data upload (the part named `file`) into `req.file`.
 * Multer's refusals become problems with registered codes: a malformed body 400, a body that is not
 * form data 415, anything too large 413.
 */
@Injectable()
export class DocumentFileInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const Inner = FileInterceptor('file', {
      storage: new CappedMemoryStorage(config.documentFileLimitBytes),
      limits: { files: 1, fields: 10, parts: 12, fieldSize: 10_000 },
    });
    this.inner = new Inner();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.inner.intercept(context, next);
    } catch (e) {
      throw asProblem(e);
    }
  }
}

function asProblem(e: unknown): unknown {
  if (e instanceof ProblemException || !(e instanceof HttpException)) return e;
  const status = e.getStatus();
  if (status === 415)
    return new ProblemException('unsupported_media_type', 'Upload the file as multipart/form-data with a part named file');
  if (status === 413)
    return new ProblemException('payload_too_large', 'The upload has more parts or larger fields than a file upload needs');
  return new ProblemException('bad_request', `The multipart/form-data body cannot be read: ${e.message}`);
}
