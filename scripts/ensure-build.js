// Builds dist/ (and its bundle, scripts/bundle.js) when any source is newer than the last build, so that `npm run cli` after a pull
// never runs stale code, yet costs nothing when the build is current. Build output goes to stderr:
// stdout of the CLI must carry only the command's own output (a printed token, a report).
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { chooseEntry } = require('./start-service');

const root = join(__dirname, '..');
// Written after each successful build: tsc leaves unchanged outputs untouched, so their mtimes say nothing.
const marker = join(root, 'dist', '.build-stamp');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(...['src', 'migrations', 'bench'].filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d))));
if (!existsSync(marker) || statSync(marker).mtimeMs < sources) {
  process.stderr.write('Baue standards-monitor …\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: ['ignore', 2, 2] });
  writeFileSync(marker, new Date().toISOString());
}
// The service's bundle (what `npm start` and the fault tests run) belongs to this build as well.
if (chooseEntry(root).code === undefined) {
  process.stderr.write('Bündele standards-monitor …\n');
  execFileSync(process.execPath, [join(__dirname, 'bundle.js')], { stdio: ['ignore', 2, 2] });
}
