import { applyDecorators, RequestMethod, UseInterceptors } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../../common/openapi/api-problems';
import { CaseVersionPrecondition } from './case-version.precondition';

const IF_MATCH_HEADER = ApiHeader({
  name: 'If-Match',
  required: false,
  description:
    'The ETag of the case you read (e.g. `"3"`); the write is refused with 412 ' +
    '`CASE_VERSION_MISMATCH` if the case changed since',
});

/**
 * Class decorator for a controller of `…/cases/:reference/…`: every write route honours
 * `If-Match` (412 on a stale case version) and documents the header and the 412; reads are
 * left alone. Method decorators have run when a class decorator runs, so the routes are known.
 */
export function HonoursIfMatch(): ClassDecorator {
  return (target) => {
    UseInterceptors(CaseVersionPrecondition)(target);
    const prototype = target.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      if (key === 'constructor' || typeof descriptor?.value !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, descriptor.value) as
        RequestMethod | undefined;
      if (method === undefined || method === RequestMethod.GET) continue;
      applyDecorators(IF_MATCH_HEADER, ApiProblems(412))(prototype, key, descriptor);
    }
  };
}
