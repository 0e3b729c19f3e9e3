import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Customer ombudsman service')
    .setDescription(
      'System of record of an independent customer-ombudsman office: escalations from customers, ' +
        'front-line complaints, case handling, mediation, decisions, compensation and deadlines. ' +
        'Every error is RFC 9457 application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'jwt')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'The case access token given once when filing',
      },
      'caseToken',
    )
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemSchema, FieldErrorSchema],
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

export function mountSwagger(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
