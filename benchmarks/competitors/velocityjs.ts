/** velocityjs 2.1.7 with a peer-style context: parsing on every call (as peers do), and with a cached AST. */
import velocity from 'velocityjs';
import type { Competitor } from './types.js';
import { peerContext } from './peer-context.js';

export const velocityjsParseEveryCall: Competitor = {
  name: 'velocityjs (parse per call)',
  description: 'velocityjs 2.1.7 render(template, context): parse and interpret every request, as peers do',
  prepare(workload) {
    return (r) => velocity.render(workload.template, peerContext(r));
  },
};

export const velocityjsCachedAst: Competitor = {
  name: 'velocityjs (cached AST)',
  description: 'velocityjs 2.1.7 with the AST parsed once and a Compile instance reused',
  prepare(workload) {
    const compiled = new velocity.Compile(velocity.parse(workload.template), { escape: false });
    return (r) => compiled.render(peerContext(r));
  },
};
