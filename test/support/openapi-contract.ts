import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019, { ErrorObject, ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

/**
 * Checks an exchange against the committed openapi.json, as an integrator's generated client or a
 * validating proxy would: the status is declared for the operation, the content type is one it
 * names, a JSON body is valid against its schema (no undeclared fields), declared headers hold, and
 * a request the service accepted (2xx) is one the document allows.
 *
 * The document is OpenAPI 3.0: `nullable: true` adds `null` to a schema, nothing else does.
 */
export const OPENAPI_DOCUMENT = join(__dirname, '..', '..', 'openapi.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

interface MediaType {
  schema?: Schema;
}
interface Header {
  required?: boolean;
  schema?: Schema;
}
interface Response {
  content?: Record<string, MediaType>;
  headers?: Record<string, Header>;
}
interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, Response>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** What the test sent and what came back. */
export interface Exchange {
  method: string;
  url: string;
  requestBody?: unknown;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed body for JSON answers, the text otherwise. */
  body: unknown;
  text?: string;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
/** Keywords of OpenAPI 3.0 schemas that JSON Schema does not know; annotations only. */
const ANNOTATIONS = ['example', 'xml', 'externalDocs', 'discriminator'];

/**
 * OpenAPI 3.0 schema → JSON Schema 2019-09, read strictly as OpenAPI 3.0.3 does: `nullable: true`
 * adds `null` to the `type` beside it and nothing else, so an `enum`, `allOf` or `$ref` that does
 * not admit `null` still refuses it (as validating proxies and generated clients read it).
 * Objects with `properties` refuse fields they do not name.
 */
export function toJsonSchema(node: Json, documentId: string): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, documentId));
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/'))
      out[key] = `${documentId}${value}`;
    else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, documentId)]),
      );
    else out[key] = toJsonSchema(value, documentId);
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  // An answer with a field the document does not name is a document that does not tell the truth.
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

export function createAjv(options: { coerceTypes?: 'array' } = {}): Ajv2019 {
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateSchema: false, ...options });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'])
    ajv.addFormat(format, true);
  ajv.addVocabulary(ANNOTATIONS);
  return ajv;
}

const pointer = (...parts: string[]) =>
  '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => {
    const path = `$${e.instancePath.replace(/\//g, '.')}`;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String(e.params.additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify(e.params.allowedValues)})`
          : '';
    return `${path} ${e.message}${extra}`;
  });

interface Route {
  template: string;
  pattern: RegExp;
  literalLength: number;
  methods: Record<string, Operation>;
}

export class OpenApiContract {
  private readonly ajv = createAjv();
  /** Query strings are text: `limit=5` is the integer 5 there. */
  private readonly coercing = createAjv({ coerceTypes: 'array' });
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument = readDocument()) {
    const schema = toJsonSchema(document as unknown as Json, 'openapi') as Schema;
    this.ajv.addSchema(schema, 'openapi');
    this.coercing.addSchema(schema, 'openapi');
    this.routes = Object.entries(document.paths)
      .map(([template, methods]) => ({
        template,
        pattern: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
        ),
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
        methods,
      }))
      // `/webhooks/event-types` before `/webhooks/{id}`.
      .sort((a, b) => b.literalLength - a.literalLength);
  }

  /** The operation a request reaches, or undefined for routes outside the API (docs, test probes). */
  operation(method: string, path: string) {
    const route = this.routes.find((r) => r.pattern.test(path));
    const lower = method.toLowerCase();
    if (!route || !HTTP_METHODS.has(lower)) return undefined;
    const operation = route.methods[lower];
    return {
      route,
      operation,
      name: operation?.operationId
        ? `${method.toUpperCase()} ${route.template} (${operation.operationId})`
        : `${method.toUpperCase()} ${route.template}`,
      pointer: (...rest: string[]) => pointer('paths', route.template, lower, ...rest),
    };
  }

  /**
   * Every way the exchange departs from the document, empty when it matches; undefined when the
   * request is outside the API the document describes (docs, test probes, a method a path lacks).
   */
  check(exchange: Exchange): string[] | undefined {
    const url = new URL(exchange.url, 'http://localhost');
    const found = this.operation(exchange.method, url.pathname);
    if (!found?.operation) return undefined;
    const { operation, name } = found;
    const status = String(exchange.status);
    const response = operation.responses[status] ?? operation.responses.default;
    if (!response) return [`${name}: status ${status} is not declared for the operation`];
    const at = `${name} → ${status}`;
    const problems = [
      ...this.checkHeaders(at, found.pointer('responses', status, 'headers'), response, exchange),
      ...this.checkBody(at, found.pointer('responses', status, 'content'), response, exchange),
    ];
    if (exchange.status >= 200 && exchange.status < 300)
      problems.push(...this.checkRequest(name, found.pointer, operation, exchange, url));
    return problems;
  }

  private checkHeaders(at: string, base: string, response: Response, exchange: Exchange) {
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = exchange.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`${at}: header ${name} is missing`);
        continue;
      }
      const validate = this.validator(`${base}/${pointer(name).slice(2)}/schema`);
      if (header.schema && !validate(value))
        problems.push(
          ...describeErrors(validate.errors).map((e) => `${at}: header ${name} ${e.slice(2)}`),
        );
    }
    return problems;
  }

  private checkBody(at: string, base: string, response: Response, exchange: Exchange) {
    const contentType = String(exchange.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const declared = Object.keys(response.content ?? {});
    if (!contentType) {
      const empty = exchange.text === undefined || exchange.text === '';
      return declared.length === 0 || !empty ? [] : [`${at}: the body is empty`];
    }
    if (!declared.includes(contentType))
      return [
        `${at}: content type ${contentType} is not declared (${declared.join(', ') || 'none'})`,
      ];
    if (!/[/+]json$/.test(contentType) || !response.content?.[contentType]?.schema) return [];
    const validate = this.validator(`${base}/${pointer(contentType).slice(2)}/schema`);
    return validate(exchange.body)
      ? []
      : describeErrors(validate.errors).map((e) => `${at} (${contentType}): ${e}`);
  }

  private checkRequest(
    name: string,
    at: (...rest: string[]) => string,
    operation: Operation,
    exchange: Exchange,
    url: URL,
  ) {
    const problems: string[] = [];
    const where = `${name}: accepted a request the document refuses:`;
    for (const [index, parameter] of (operation.parameters ?? []).entries()) {
      if (parameter.in !== 'query') continue;
      // The service also reads `?status=a,b` as `?status=a&status=b`, as the parameter says.
      const values = url.searchParams
        .getAll(parameter.name)
        .flatMap((v) => (parameter.schema?.type === 'array' ? v.split(',') : [v]));
      if (values.length === 0) {
        if (parameter.required) problems.push(`${where} query ${parameter.name} is missing`);
        continue;
      }
      const schema = parameter.schema ?? {};
      const value = schema.type === 'array' ? values : values[0];
      const validate = this.validator(at('parameters', String(index), 'schema'), true);
      if (!validate(value))
        problems.push(
          ...describeErrors(validate.errors).map((e) => `${where} query ${parameter.name} ${e}`),
        );
    }
    const body = operation.requestBody;
    const sent = exchange.requestBody !== undefined;
    if (!body) {
      if (sent) problems.push(`${where} the operation takes no body`);
      return problems;
    }
    if (!sent) {
      if (body.required) problems.push(`${where} the body is required`);
      return problems;
    }
    if (!body.content['application/json']?.schema) return problems;
    const validate = this.validator(at('requestBody', 'content', 'application/json', 'schema'));
    if (!validate(exchange.requestBody))
      problems.push(...describeErrors(validate.errors).map((e) => `${where} body ${e}`));
    return problems;
  }

  /** Why `value` is not valid against the schema at `schemaPointer` (`#/components/…`). */
  validateAgainst(schemaPointer: string, value: unknown): string[] {
    const validate = this.validator(schemaPointer);
    return validate(value) ? [] : describeErrors(validate.errors);
  }

  private validator(schemaPointer: string, coerce = false): ValidateFunction {
    const key = `${coerce}:${schemaPointer}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = (coerce ? this.coercing : this.ajv).compile({ $ref: `openapi${schemaPointer}` });
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

export function readDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(OPENAPI_DOCUMENT, 'utf8')) as OpenApiDocument;
}
