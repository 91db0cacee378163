// The worker of related-precompute.ts: computes related papers into the cache and exits.
import { workerData } from 'node:worker_threads';
import { cachedRelatedPapers } from './related-cache.ts';
import type { PrecomputeData } from './related-precompute.ts';

const { facts, inputs } = workerData as PrecomputeData;
cachedRelatedPapers(facts)(inputs);
