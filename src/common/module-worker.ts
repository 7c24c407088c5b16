import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { projectRoot } from './project-root';

/** Whether this process runs the TypeScript sources (jest) instead of the compiled dist/. */
const FROM_SOURCES = __filename.endsWith('.ts');

/**
 * Starts a worker thread on a module of this project, named like an import without extension
 * (`join(__dirname, 'x.worker')`).
 *
 * Compiled (dist/), the module is JavaScript and Node loads it. Under jest the sources are
 * TypeScript that jest compiles inside its own module registry; a worker thread gets plain Node,
 * which cannot load .ts. There the worker starts with a few lines that teach its require() .ts
 * files, compiled by @swc/core with the options jest uses (swc.options.js), and then load the
 * module: tests run the same worker code as the service does.
 */
export function startModuleWorker(module: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!FROM_SOURCES) return new Worker(`${module}.js`, options);
  const entry = JSON.stringify(`${module}.ts`);
  const bootstrap = `
    const { readFileSync } = require('node:fs');
    const { createRequire } = require('node:module');
    const projectRequire = createRequire(${entry});
    const { transformSync } = projectRequire('@swc/core');
    const options = projectRequire(${JSON.stringify(join(projectRoot(), 'swc.options.js'))});
    projectRequire.extensions['.ts'] = (module, filename) => {
      const code = transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false, configFile: false }).code;
      module._compile(code, filename);
    };
    projectRequire(${entry});
  `;
  return new Worker(bootstrap, { ...options, eval: true });
}
