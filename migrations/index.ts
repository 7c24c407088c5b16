import { OfficesAndTokens1764000000000 } from './1764000000000-offices-and-tokens';

/**
 * Every migration, in order. Listed explicitly (no glob) so that the compiled service, the CLI and
 * the jest harness load exactly the same set.
 */
export const MIGRATIONS = [OfficesAndTokens1764000000000];
