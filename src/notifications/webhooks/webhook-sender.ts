import { LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';

export interface WebhookRequest {
  readonly url: URL;
  /** Checked addresses of the URL's host: the connection goes to these and nowhere else. */
  readonly addresses: LookupAddress[];
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one webhook and answers the receiver's status code; network errors and timeouts reject.
 * node:http rather than fetch: fetch cannot be told which address to connect to without the
 * undici package, and pinning the checked address is what keeps the SSRF check honest. Redirects
 * are not followed (a 3xx is a failed attempt).
 */
export function sendWebhook(req: WebhookRequest): Promise<number> {
  const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const outgoing = send(req.url, {
      method: 'POST',
      headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      lookup: pinnedLookup(req.addresses),
      agent: false,
      signal: req.signal,
    });
    const timer = setTimeout(
      () => outgoing.destroy(new Error(`no response within ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    outgoing.on('response', (response) => {
      clearTimeout(timer);
      resolve(response.statusCode ?? 0);
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) response.destroy();
      });
      response.on('error', () => undefined);
    });
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(req.body);
  });
}

function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}
