import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../migrations';
import { openDataSource } from '../../src/database/data-source.factory';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { ensureImage, imageFile, imageKey } from '../../src/database/pgdata-image';

/** Everything under the folder that anyone besides its owner may read, write or enter. */
function notPrivate(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if ((stat.mode & 0o077) !== 0) out.push(`${path.slice(dir.length)} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
}

interface Shape {
  migrations: string[];
  columns: string[];
  constraints: string[];
  indexes: string[];
}

/** Opens the folder as the service does (migrations run), and reads what a schema consists of. */
async function startAndDescribe(dataDir: string, image: string | undefined): Promise<{ createdFrom: EmbeddedPostgres['createdFrom']; applied: string[]; shape: Shape }> {
  const embedded = await startEmbeddedPostgres(dataDir, 'test', { image });
  try {
    const report = { applied: [] as string[] };
    const ds = await openDataSource({ url: embedded.url, embedded: true }, { migrate: true, report });
    try {
      const names = async (sql: string) => ((await ds.query(sql)) as { x: string }[]).map((r) => r.x);
      const shape: Shape = {
        migrations: await names(`SELECT name AS x FROM schema_migration ORDER BY id`),
        columns: await names(
          `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS x
             FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
        ),
        constraints: await names(
          `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS x
             FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`,
        ),
        indexes: await names(`SELECT indexdef AS x FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
      };
      return { createdFrom: embedded.createdFrom, applied: report.applied, shape };
    } finally {
      await ds.destroy();
    }
  } finally {
    await embedded.stop();
  }
}

/**
 * A fresh data folder starts from a prepared, migrated image instead of initdb + every migration
 * (issue 14, item 5). It must be the same database as one migrated normally, and an image made by
 * another migration list must never be used.
 */
describe('database image for a fresh embedded data folder', () => {
  let parent: string;
  const umask = process.umask();

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'sm-image-'));
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  });

  it('gives the same migrations, columns, constraints and indexes as initdb and the migrations', async () => {
    const images = join(parent, 'images');
    const { file, made } = await ensureImage(images);
    expect(made).toBe(true);
    expect(file).toBe(imageFile(images, imageKey()));
    expect(await ensureImage(images)).toEqual({ file, made: false });

    const normal = await startAndDescribe(join(parent, 'normal'), undefined);
    expect(normal.createdFrom).toBe('initdb');
    expect(normal.applied).toHaveLength(MIGRATIONS.length);

    process.umask(0o022);
    const dataDir = join(parent, 'from-image');
    const fromImage = await startAndDescribe(dataDir, file);
    expect(fromImage.createdFrom).toBe('image');
    expect(fromImage.applied).toEqual([]); // every migration was in the image: the runner found none pending
    expect(fromImage.shape).toEqual(normal.shape);
    expect(fromImage.shape.migrations).toHaveLength(MIGRATIONS.length);
    expect(notPrivate(dataDir)).toEqual([]);
    expect(readdirSync(dataDir)).not.toContain('pgdata.unpacking');
    // Only the database the service uses: the templates are left out (half the files to create).
    expect(readdirSync(join(dataDir, 'pgdata', 'base'))).toHaveLength(1);

    // The folder is a database now: the next start opens it and does not unpack again.
    const again = await startAndDescribe(dataDir, file);
    expect(again.createdFrom).toBe('existing');
    expect(again.shape).toEqual(normal.shape);
  }, 180_000);

  it('ignores an image made by another migration list, and a broken one, and migrates normally', async () => {
    const images = join(parent, 'stale-images');
    const older = MIGRATIONS.slice(0, -1);
    expect(imageKey(older)).not.toBe(imageKey());
    const stale = await ensureImage(images, older);
    // The service looks for the image of the current migrations only: the stale one is not it.
    const wanted = imageFile(images, imageKey());
    expect(stale.file).not.toBe(wanted);

    const missing = await startAndDescribe(join(parent, 'stale'), wanted);
    expect(missing.createdFrom).toBe('initdb');
    expect(missing.applied).toHaveLength(MIGRATIONS.length);

    // Making the current image removes the stale one.
    await ensureImage(images);
    expect(readdirSync(images)).toEqual([wanted.slice(images.length + 1)]);

    // A truncated file under the right name is refused, and the start takes the normal path.
    const broken = join(images, 'broken.tar.gz');
    writeFileSync(broken, readFileSync(wanted).subarray(0, 100_000));
    const dataDir = join(parent, 'broken');
    const fromBroken = await startAndDescribe(dataDir, broken);
    expect(fromBroken.createdFrom).toBe('initdb');
    expect(fromBroken.applied).toHaveLength(MIGRATIONS.length);
    expect(fromBroken.shape).toEqual(missing.shape);
    expect(readdirSync(dataDir)).not.toContain('pgdata.unpacking');
  }, 240_000);
});
