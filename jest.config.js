/**
 * Jest runs the TypeScript sources as native ESM through ts-jest. `npm test` runs the behaviour
 * tests; the timing and call-count tests under test/perf run with `npm run test:perf`
 * (jest.perf.config.js).
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/perf/'],
  testTimeout: 60000,
  maxWorkers: 2
};
