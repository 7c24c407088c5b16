/** Injection tokens of DatabaseModule (a file of their own, so providers of the module can use them). */
export const DATABASE_TARGET = Symbol('DATABASE_TARGET');
export const MIGRATION_REPORT = Symbol('MIGRATION_REPORT');
