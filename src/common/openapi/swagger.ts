import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { DESCRIPTIONS } from './api-problems';
import { OPERATION_DESCRIPTIONS } from './operation-descriptions';
import { operationIdFor, TAGS } from './operations';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';
import { withRequestExamples } from './request-examples';

function problemResponse(status: number) {
  return {
    description: DESCRIPTIONS[status],
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } },
    },
  };
}

/** Answered by the HTTP edge before any route runs (bad bytes, a URL too long, a crash). */
const ANY_OPERATION = [400, 414, 500];
/** Answered by the body parser of any operation that takes a body. */
const ANY_BODY = [413, 415];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Customer ombudsman service')
    .setDescription(
      'System of record of an independent customer-ombudsman office: escalations from customers, ' +
        'front-line complaints, case handling, mediation, decisions, compensation and deadlines. ' +
        'Every error is RFC 9457 application/problem+json.',
    )
    .setVersion('1')
    .addServer(
      'http://localhost:3000',
      'A local instance (`npm start`); use your deployment instead',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'Staff and system token: `sub`, `roles`, `iat`, `exp`, and optionally `name`. Without ' +
          '`name` the service uses the name it last saw in a token of that `sub`, else the `sub`; ' +
          'a customer is never shown a `sub`.',
      },
      'jwt',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'The case access token given once when filing',
      },
      'caseToken',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when it is set' },
      'metricsToken',
    );
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemSchema, FieldErrorSchema],
    operationIdFactory: operationIdFor,
  });
  document.info.contact = { name: 'Customer ombudsman service maintainers' };
  document.info.license = { name: 'Proprietary' };
  return admitNullWhereNullable(
    withRequestExamples(withDescriptions(withEdgeErrors(withOpenProblems(document)))),
  );
}

/**
 * RFC 9457 lets a problem type carry extension members (the proposal's status on a 409, the field
 * that conflicts, …), and a client must ignore those it does not know: the schema says so.
 */
function withOpenProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = document.components?.schemas?.[ProblemSchema.name];
  if (problem && !('$ref' in problem)) problem.additionalProperties = true;
  return document;
}

/**
 * Some answers come from the HTTP edge, not the route: invalid characters in the URL (400), a
 * parameter longer than any route takes (414), a body too large, too deep or of another type
 * (413, 415; see src/common/http), and the unexpected error (500, with a correlation id).
 */
function withEdgeErrors(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const statuses = operation.requestBody ? [...ANY_OPERATION, ...ANY_BODY] : ANY_OPERATION;
      for (const status of statuses)
        operation.responses[String(status)] ??= problemResponse(status);
    }
  return document;
}

/** A description for every operation: its route's own, or the one named for it centrally. */
function withDescriptions(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths))
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation || operation.description || !operation.operationId) continue;
      const description = OPERATION_DESCRIPTIONS[operation.operationId];
      if (description) operation.description = description;
    }
  return document;
}

type SchemaNode = Record<string, unknown>;

/**
 * OpenAPI 3.0.3 reads `nullable: true` as adding `null` to the `type` beside it, nothing more: an
 * `enum` without `null`, or the `allOf: [{ $ref }]` that @nestjs/swagger emits for a nullable
 * object property, still refuses `null`, and validating proxies and generated clients read it so.
 * Every nullable enum therefore lists `null`, and a nullable object is "the referenced object, or
 * null" (`anyOf` with a schema that admits only `null`).
 */
export function admitNullWhereNullable<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => admitNullWhereNullable(item)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: SchemaNode = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, admitNullWhereNullable(value)]),
  );
  if (out.nullable !== true) return out as T;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (Array.isArray(out.allOf) && out.allOf.length === 1) {
    out.anyOf = [out.allOf[0], { type: 'object', nullable: true, enum: [null] }];
    delete out.allOf;
  }
  return out as T;
}

export function mountSwagger(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
