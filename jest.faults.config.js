// The fault suite (test/faults, issue 10): kill -9 of real service processes, parallel overlapping
// writes, several instances on one server database with a per-minute cron, hostile input over every
// route of the OpenAPI document. Separate from `npm test` because it needs the compiled service
// (dist/) for its child processes and a few minutes of wall-clock time; .ci/run runs it on both
// databases with `npm run test:faults`.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.fault.ts'],
  globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
  testTimeout: 240000,
};
