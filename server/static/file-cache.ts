import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { contentTypeFor, isCompressible } from './content-types';

export type Encoding = 'br' | 'gzip';

export interface StaticFile {
  body: Buffer;
  contentType: string;
  etag: string;
  compressible: boolean;
  /** Compressed bodies, made on first request and kept while the file is unchanged. */
  encoded: Partial<Record<Encoding, Buffer>>;
}

const MAX_CACHED_BYTES = 8 * 1024 * 1024;
const MIN_COMPRESSED_BYTES = 1024;

/** Reads files under a built directory, revalidating by size and mtime, so a rebuild shows up without a restart. */
export class FileCache {
  private readonly files = new Map<string, StaticFile & { stamp: string }>();

  async read(path: string): Promise<StaticFile | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const stamp = `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`;
    const cached = this.files.get(path);
    if (cached && cached.stamp === stamp) return cached;
    const contentType = contentTypeFor(path);
    const file = {
      body: await readFile(path),
      contentType,
      etag: `W/"${stamp}"`,
      compressible: isCompressible(contentType) && info.size >= MIN_COMPRESSED_BYTES,
      encoded: {},
      stamp,
    };
    if (info.size <= MAX_CACHED_BYTES) this.files.set(path, file);
    return file;
  }
}

export function encodedBody(file: StaticFile, encoding: Encoding): Buffer {
  let body = file.encoded[encoding];
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(file.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(file.body, { level: 9 });
    file.encoded[encoding] = body;
  }
  return body;
}

/** The best encoding the client accepts (br, then gzip), honouring q=0. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const zero = params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param));
    if (name && !zero) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}
