import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemDocument } from './problem-details.filter.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over the 16 KB
 * limit, a malformed request line) are answered by Node with an empty body. Answer them with a
 * problem document like every other error.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Mid-response, or the client is gone: nothing can be said any more.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [code, detail] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? (['headers_too_large', 'The request line or headers are larger than the server accepts (16 KB)'] as const)
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? (['request_timeout', 'The request was not received in time'] as const)
          : (['bad_request', 'The request is not valid HTTP'] as const);
    const doc = problemDocument(code, detail);
    const body = JSON.stringify(doc);
    socket.end(
      `HTTP/1.1 ${doc.status} ${doc.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
