import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

// Unpacking the database image (pgdata-image.ts makes it) on its own: it runs in the embedded
// database's worker thread (embedded-postgres.worker.ts), which should load nothing else of the
// image's making (migrations, TypeORM).

/** The image is broken or holds something other than a data folder. */
export class ImageError extends Error {}

/**
 * Unpacks an image (a ustar archive as PGlite's dumpDataDir writes it, gzip or not) into `target`,
 * which must not exist: everything goes to a folder beside it first, renamed into place at the end,
 * so that a crash never leaves a half data folder that PGlite would take for a database.
 * Folders get 0700 and files 0600 (the data folder is private, see private-files.ts).
 * It runs in the embedded database's own thread, which has nothing else to do meanwhile: the files
 * are written synchronously, one after the other. That takes ≈ 50 ms for the ≈ 1,160 files here;
 * handing them all at once to the thread pool (as when this ran on the main thread) took ≈ 500 ms.
 */
export function unpackImage(file: string, target: string): void {
  const raw = readFileSync(file);
  const tar = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const tmp = `${target}.unpacking`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { mode: 0o700 });
  try {
    let sawVersion = false;
    let off = 0;
    let longName: string | undefined;
    while (off + 512 <= tar.length) {
      const header = tar.subarray(off, off + 512);
      if (header.every((b) => b === 0)) break;
      if (!validChecksum(header)) throw new ImageError(`${file}: broken tar header at ${off}`);
      const size = octal(header, 124, 12);
      const type = String.fromCharCode(header[156] || 0x30);
      const body = off + 512;
      if (body + size > tar.length) throw new ImageError(`${file}: truncated`);
      off = body + Math.ceil(size / 512) * 512;
      if (type === 'L') {
        longName = text(tar.subarray(body, body + size), 0, size);
        continue;
      }
      const prefix = text(header, 345, 155);
      const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
      longName = undefined;
      const rel = normalize(name.replace(/^\/+/, '')).replace(/\/+$/, '');
      if (rel === '' || rel === '.') continue;
      if (rel.split(sep).includes('..')) throw new ImageError(`${file}: path outside the data folder: ${name}`);
      const path = join(tmp, rel);
      if (type === '5') {
        mkdirSync(path, { recursive: true, mode: 0o700 });
      } else if (type === '0') {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writeFileSync(path, tar.subarray(body, body + size), { mode: 0o600 });
        if (rel === 'PG_VERSION') sawVersion = true;
      } else {
        throw new ImageError(`${file}: unexpected entry type ${type} (${name})`);
      }
    }
    if (!sawVersion) throw new ImageError(`${file}: holds no PG_VERSION`);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

function text(buf: Buffer, start: number, length: number): string {
  const field = buf.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function octal(buf: Buffer, start: number, length: number): number {
  const value = text(buf, start, length).trim();
  if (!/^[0-7]*$/.test(value)) throw new ImageError(`bad number in tar header: ${value}`);
  return value ? parseInt(value, 8) : 0;
}

function validChecksum(header: Buffer): boolean {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return sum === stored;
}
