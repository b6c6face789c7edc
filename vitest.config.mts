import { defineConfig } from 'vitest/config'

// Three levels, one command. e2e and glue tests load the *built* app: `npm test` builds first.
export default defineConfig({
  test: {
    // Most tests wait on the sandbox's HTTP, its 10 requests/s and the page's timers, not on the CPU: on CI's 2
    // cores (vitest's default would be one worker) unit and integration files run three at once, then the e2e
    // files two at once (their own group: a second Chromium is as much as 2 cores take).
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/glue/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // The UI fills in as main answers; on 2 busy CI cores that can take more than vitest's 1 s default.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
})
