import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { completeContract } from './openapi-contract.js';
import { API_GUIDE, API_TAGS } from './openapi-guide.js';

/** OpenAPI 3.1 from the same JSON Schemas that validate requests: UI at /api/docs, JSON at /api/docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    // 3.1: its schemas are JSON Schema 2020-12, so our contract schemas (const, numeric exclusiveMinimum) are valid there.
    .setOpenAPIVersion('3.1.0')
    .setTitle('Gabarit API')
    .setDescription(API_GUIDE)
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description:
        'A session token from POST /api/v1/auth/login (a JWT), or an API key (gbt_…) sent as a bearer token.',
    })
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'An API key (gbt_…) with scopes `<action>:<key pattern>`; see the introduction.',
      },
      'apiKey',
    );
  for (const tag of API_TAGS) config.addTag(tag.name, tag.description);
  const document = completeContract(SwaggerModule.createDocument(app, config.build()), app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
