// Types for examples/backend.mjs (so TypeScript tests can import it).
import type { HttpBackend, LambdaHandler } from '../src/index.js';

export declare const lambda: Record<string, LambdaHandler>;
export declare const http: HttpBackend;
