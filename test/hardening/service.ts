/** The compiled service as a child process: shared with the benchmarks (bench/lib/service.ts). */
export * from '../../bench/lib/service.js';
