// How the TypeScript sources are compiled when they run uncompiled: by @swc/jest under jest
// (jest.config.js), and by worker threads started from those sources (src/common/module-worker.ts).
// One set of options, so that a worker runs the same code as the test that started it.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
