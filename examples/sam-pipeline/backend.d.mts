// Types for examples/sam-pipeline/backend.mjs (so TypeScript tests and the README can import it).
import type { LambdaHandler } from '../../src/index.js';

export declare const lambda: Record<string, LambdaHandler>;
