/** Three tiers on real PostgreSQL: unit specs beside the code, integration and e2e specs in test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/faults/*.fault-spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/count-checked-responses.ts'],
  testTimeout: 60000,
};
