// Jest runs TypeScript through SWC (with decorator metadata, as Nest needs). Nest 12 packages are ESM-only:
// Node 20 loads them with require(esm), Jest's module loader cannot, so they are compiled to CommonJS too.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: false },
    sourceMaps: 'inline',
  },
];

const ESM_PACKAGES = [
  '@nestjs',
  '@borewit',
  '@tokenizer',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  'cookie',
  'content-disposition',
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: { '^@bisang/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  rootDir: '.',
  testTimeout: 60_000,
  // Test files run in worker processes that are replaced once they hold more than this after a file: the Nest apps,
  // TypeORM metadata and Chromium clients of ~90 files add up, and one process for all of them ran out of heap.
  workerIdleMemoryLimit: '1200MB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      testEnvironment: '<rootDir>/libs/testing/src/test-environment.ts',
      slowTestThreshold: 30,
    },
  ],
};
