// CommonJS jest with swc: Nest 12 ships ESM only, so its packages (and the ESM-only packages it
// pulls in) are transformed too. PGlite needs --experimental-vm-modules (see package.json "test").
const esmOnly = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit', 'load-esm'];
const swc = ['@swc/jest', require('./swc.options.js')];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Generous: a test file starts its own application and database, which takes far longer on a busy machine.
  testTimeout: 60000,
  maxWorkers: 2,
};
