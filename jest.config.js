// Jest runs in native ESM mode (NestJS 12 packages are ESM-only): see docs/adr/0001-esm-server-and-jest-in-esm-mode.md.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

// ESM-only packages that CommonJS dependencies require(): Node 20 allows that, Jest's runtime does not,
// so Jest alone gets them compiled to CommonJS.
const esmOnlyRequiredFromCjs = ['content-disposition'];
const swcToCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const common = {
  testEnvironment: 'node',
  transform: {
    [`node_modules/(${esmOnlyRequiredFromCjs.join('|')})/.+\\.js$`]: swcToCommonJs,
    '^.+\\.ts$': swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyRequiredFromCjs.join('|')})/)`],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

const withDatabase = {
  ...common,
  globalSetup: '<rootDir>/server/test/support/global-setup.js',
  globalTeardown: '<rootDir>/server/test/support/global-teardown.js',
};

export default {
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/server/src/**/*.spec.ts'] },
    { ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/server/test/**/*.e2e-spec.ts'] },
    { ...withDatabase, displayName: 'browser', testMatch: ['<rootDir>/admin-ui/e2e/**/*.e2e-spec.ts'] },
  ],
};
