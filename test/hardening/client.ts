/** The HTTP client and staff set-up: shared with the benchmarks (bench/lib/client.ts). */
export * from '../../bench/lib/client.js';
