import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';
import { ErrorFilter } from '../common/error.filter';
import { createValidationPipe } from '../common/validation.pipe';
import { UnsafeTextPipe } from '../common/unsafe-text.pipe';
import { JsonBodyInterceptor } from '../common/json-body.interceptor';
import { refuseDeepJson } from '../common/json-depth';
import { correlationIdMiddleware } from '../logging/correlation-id';
import { requestLogMiddleware } from '../logging/request-log.middleware';

/** Everything around the routes, shared by main.ts and the test harness so both serve the same API. */
export function configureApp(app: NestExpressApplication, config: Pick<AppConfig, 'bodyLimit' | 'trustProxy'>): void {
  app.disable('x-powered-by');
  // Express hashes every answer for an ETag. Pages are no-store, POST answers are never revalidated,
  // and the static assets set their own (web-assets.controller.ts): the hash only cost CPU, some 4 %
  // of a schedule pre-check with its 6.7 KB answer (issue 14).
  app.set('etag', false);
  // Only the first hop (the proxy in front of us) is trusted, and only when configured.
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(correlationIdMiddleware);
  app.use(requestLogMiddleware);
  // Nest's typing reserves `verify` for its rawBody option, which this app does not use; express
  // passes it on. Deeply nested JSON is refused before it is parsed (json-depth.ts).
  const jsonOptions = { limit: config.bodyLimit, verify: refuseDeepJson };
  app.useBodyParser('json', jsonOptions);
  // CSV imports arrive as text/csv bodies.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: config.bodyLimit });
  app.useGlobalInterceptors(new JsonBodyInterceptor());
  app.useGlobalPipes(new UnsafeTextPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

  const doc = new DocumentBuilder()
    .setTitle('standards-monitor')
    .setDescription('Prüfung der Kundenorientierten Qualitätsstandards (Anlage 3) der JobAgentur EN')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
}
