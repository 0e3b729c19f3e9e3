import { IncomingHttpHeaders } from 'node:http';

/** The credential of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
