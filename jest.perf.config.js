import base from './jest.config.js';

/**
 * Timing and call-count tests: how fast or with how many git processes the work is done, which
 * the behaviour tests leave out. One file at a time, so they do not compete for the cores.
 */
export default {
  ...base,
  testMatch: ['<rootDir>/test/perf/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1
};
