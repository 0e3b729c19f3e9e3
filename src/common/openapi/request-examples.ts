import { OpenAPIObject } from '@nestjs/swagger';

type Node = Record<string, unknown>;

/**
 * Every request body carries a whole example, composed from the examples its schema's properties
 * already give (and checked against the schema by the OpenAPI test), so integrators and mock
 * servers see a complete body, not a field at a time.
 */
export function withRequestExamples(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Node>;
  for (const item of Object.values(document.paths))
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      const body = operation?.requestBody;
      if (!body || '$ref' in body) continue;
      for (const media of Object.values(body.content) as Node[]) {
        if (media.example !== undefined || !media.schema) continue;
        const example = exampleOf(media.schema as Node, schemas, 0);
        if (example !== undefined) media.example = example;
      }
    }
  return document;
}

function exampleOf(schema: Node, schemas: Record<string, Node>, depth: number): unknown {
  if (depth > 8) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = schemas[schema.$ref.replace('#/components/schemas/', '')];
    return target ? exampleOf(target, schemas, depth + 1) : undefined;
  }
  if (schema.example !== undefined) return schema.example;
  // A file part of a multipart body: any bytes; the example stands for them.
  if (schema.type === 'string' && schema.format === 'binary') return '(the file)';
  const options = (schema.allOf ?? schema.anyOf ?? schema.oneOf) as Node[] | undefined;
  if (options) {
    for (const option of options) {
      const example = exampleOf(option, schemas, depth + 1);
      if (example !== undefined && example !== null) return example;
    }
    return undefined;
  }
  if (Array.isArray(schema.enum)) return schema.enum.find((value) => value !== null);
  if (schema.type === 'array' && schema.items) {
    const item = exampleOf(schema.items as Node, schemas, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (schema.properties) {
    const entries = Object.entries(schema.properties as Record<string, Node>)
      .map(([name, property]) => [name, exampleOf(property, schemas, depth + 1)] as const)
      .filter(([, value]) => value !== undefined);
    return Object.fromEntries(entries);
  }
  return undefined;
}
