/** Which of the caller's handlers answers a Lambda function (an integration's or an authorizer's). */
import type { Backend, LambdaHandler } from './types.js';

/** The handler for a function: keyed by its deployed name, or by another name it goes by (a construct id, …). */
export function lambdaHandlerFor(backend: Backend | undefined, functionName: string, aliases: Readonly<Record<string, string>> | undefined): LambdaHandler | undefined {
  if (!backend || typeof backend === 'function') return undefined;
  const lambda = backend.lambda;
  if (typeof lambda === 'function') return lambda;
  if (!lambda) return undefined;
  if (Object.hasOwn(lambda, functionName)) return lambda[functionName];
  if (!aliases) return undefined;
  for (const key of Object.keys(lambda)) {
    if (Object.hasOwn(aliases, key) && aliases[key] === functionName) return lambda[key];
  }
  return undefined;
}
