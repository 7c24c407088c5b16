import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import globalSetup from '../../support/global-setup';

/** The template databases of the ordinary suite, and a current build for the child service processes. */
export default async function faultsGlobalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, '..', '..', '..', 'scripts', 'ensure-build.js')], { stdio: ['ignore', 'inherit', 'inherit'] });
  await globalSetup();
}
