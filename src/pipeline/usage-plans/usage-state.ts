/** Placeholder: token buckets and quota counters (see usage-plans/). */
import type { ApiDefinition } from '../../model/index.js';

export class UsageState {
  constructor(readonly definition: ApiDefinition) {}
}
