import { STATUS_CODES } from 'node:http';
import { Duplex } from 'node:stream';
import { ErrorCode } from '../errors/error-codes';
import { problemOf } from '../errors/problem';

const CLIENT_ERRORS: Record<string, { code: ErrorCode; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: 'REQUEST_TIMEOUT',
    detail: 'The request did not arrive in time; the connection is closed',
  },
  HPE_HEADER_OVERFLOW: {
    code: 'HEADERS_TOO_LARGE',
    detail: 'The request line and headers are larger than this service accepts',
  },
};

interface InFlight {
  _httpMessage?: { headersSent?: boolean } | null;
}

/**
 * Answers what Node's HTTP parser refuses before any request exists (control bytes in a header, a
 * malformed request line, headers too large, a request too slow) as problem+json, then closes the
 * connection. The raw request is never echoed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? {
    code: 'BAD_REQUEST',
    detail: 'The request is not valid HTTP',
  };
  const problem = problemOf(known.code, known.detail);
  const body = JSON.stringify(problem);
  const answering = (socket as Duplex & InFlight)._httpMessage?.headersSent === true;
  if (socket.writable && !answering) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
