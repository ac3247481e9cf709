import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { answerClientErrorsWithProblems } from './common/client-errors.js';
import { refuseUnsafeJson } from './common/json-body.js';
import { serveConsole } from './console/console-static.js';
import { PinoNestLogger, createRootLogger, requestLogging } from './common/logging.js';
import { securityHeaders } from './console/content-security.js';
import { documentProblems } from './common/problem-openapi.js';
import type { AppModuleOptions } from './app.module.js';
import type { AppConfig } from './config/config.js';

/**
 * Builds the whole application: the service and the tests use this same function,
 * so what is tested is what runs.
 */
export async function createApp(config: AppConfig, opts: AppModuleOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, opts), {
    bodyParser: false,
    bufferLogs: true,
    // Start-up failures (a locked data folder, a bad database URL) reach the caller to be reported
    // in one clear line, instead of Nest logging a stack trace and exiting.
    abortOnError: false,
  });
  const logger = createRootLogger(config.logLevel);
  app.useLogger(new PinoNestLogger(logger));
  answerClientErrorsWithProblems(app.getHttpServer());
  app.disable('x-powered-by');
  // ETags are the resources' versions, set by the controllers; no content hashes.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  app.use(refuseUnsafeJson);
  app.use(securityHeaders());
  app.use(serveConsole(config.webDir));
  // After the console's files: requests for them are not logged, API requests are.
  app.use(requestLogging(logger));
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
    });
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mentoring QMS')
      .setDescription(
        'Quality management for mentoring programmes: procedures under document control, executions judged for conformance, ' +
          'deviations and corrective actions, and a tamper-evident audit trail. Each operation lists the roles that may call it (x-roles). ' +
          'Errors are RFC 9457 problem documents (application/problem+json) with a registered code (Problem.code, x-error-codes).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, documentProblems(document), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Mentoring QMS API' });
  return app;
}
