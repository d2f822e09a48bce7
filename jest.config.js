// ESM ts-jest: tests import `./x.js` specifiers that ts-jest-resolver maps back to `./x.ts`.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'test/tsconfig.json' }]
  },
  // Integration tests spawn git and Node child processes; two cores, so keep workers bounded.
  setupFiles: ['<rootDir>/test/setup.ts'],
  reporters: ['default', '<rootDir>/test/count-reporter.js'],
  maxWorkers: 2,
  testTimeout: 60000,
  verbose: false
};
