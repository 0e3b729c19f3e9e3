import autocannon from 'autocannon';
import { HttpMethod } from './load';

/**
 * A one-request sequence whose JSON body is built afresh for every request (`makeBody(n)` with
 * n = 0, 1, 2, … across all connections), for endpoints that refuse duplicates.
 */
export function distinctJsonRequests(
  method: HttpMethod,
  path: string,
  makeBody: (n: number) => unknown,
  headers: Record<string, string> = {},
): autocannon.Request[] {
  let n = 0;
  return [
    {
      method,
      path,
      headers: { 'content-type': 'application/json', ...headers },
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        body: JSON.stringify(makeBody(n++)),
      }),
    },
  ];
}
