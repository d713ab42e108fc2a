// Reads a response body into memory with a size cap counted on the decompressed bytes, so a gzip bomb stops at
// the cap instead of filling memory. The caller's deadline destroys the response if the body never finishes.
import type { IncomingMessage } from 'node:http';
import * as zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { FetchError } from './errors';

function decoderFor(encoding: string): (Readable & NodeJS.WritableStream) | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function tooLarge(maxBytes: number): FetchError {
  return new FetchError('too-large', `the response is larger than the ${megabytes(maxBytes)} limit`);
}

/** Resolves with the (decompressed) body, or rejects with a FetchError; always leaves the socket closed on failure. */
export function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? res.pipe(decoder) : res;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (err: FetchError) => {
      if (settled) return;
      settled = true;
      res.destroy();
      decoder?.destroy();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge(maxBytes));
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    decoder?.on('error', (e: Error) => fail(new FetchError('decompress', `the ${encoding} body could not be decompressed (${e.message})`)));
    // An aborted response (deadline, peer reset) surfaces here; the deadline's own error wins if it came first.
    res.on('error', (e: Error) => fail(e instanceof FetchError ? e : new FetchError('network', `the connection broke while reading (${e.message})`)));
    res.on('aborted', () => fail(new FetchError('network', 'the server closed the connection before the body was complete')));
  });
}
