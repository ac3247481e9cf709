import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/**
 * A 200 answer whose body is a file (PDF, tar, JSON lines): `format: binary` with its media type,
 * so a generated client receives a Blob rather than `never`.
 */
export function ApiFileResponse(mediaType: string, description: string) {
  return applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }),
  );
}
