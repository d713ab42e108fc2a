// Property tests explore new random inputs on every local run (a failure prints its seed; FC_SEED=<seed>
// replays it). CI decides whether a submission lands, so there it replays one fixed seed.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261128 : undefined;
if (seed !== undefined && Number.isFinite(seed)) fc.configureGlobal({ seed });
