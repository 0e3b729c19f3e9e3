import { FastifyInstance } from 'fastify';
import { bodyRefusal, BodyShapeLimits, inspectBody } from './body-guard';
import { jsonShapeFinding } from './json-shape';

/**
 * Replaces Fastify's JSON parser with one that refuses a hostile body before any hook, guard or
 * pipe sees it: too deep or too many keys and elements (told from the text, before parsing, and
 * checked again on the parsed value), NUL, or inherited member names. Parsing itself stays Fastify's (prototype
 * poisoning refused). Running here, the refusal comes before authentication and rate limiting and
 * costs at most one pass over a body no larger than the route's body limit.
 */
export function useGuardedJsonParser(fastify: FastifyInstance, limits: BodyShapeLimits): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const text = raw as string;
    const shape = jsonShapeFinding(text, limits);
    if (shape) {
      done(bodyRefusal(shape, limits), undefined);
      return;
    }
    parse(request, text, (error, body) => {
      if (error) {
        done(error, undefined);
        return;
      }
      const finding = inspectBody(body, limits);
      if (finding) done(bodyRefusal(finding, limits), undefined);
      else done(null, body);
    });
  });
}
