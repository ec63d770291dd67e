/** api-gateway-mapping-template 0.0.8 (velocityjs 0.7, parses and clones per call). */
import { createRequire } from 'node:module';
import type { Competitor } from './types.js';

const require = createRequire(import.meta.url);
type Render = (p: { template: string; payload: string; params: object; context: object }) => string;
const render = require('api-gateway-mapping-template') as Render;

export const mappingTemplate: Competitor = {
  name: 'api-gateway-mapping-template',
  description: 'api-gateway-mapping-template 0.0.8 (velocityjs 0.7; parses and clones its input per call)',
  prepare(workload) {
    return (r) =>
      render({
        template: workload.template,
        payload: r.body,
        params: { path: r.path, querystring: r.query, header: r.headers },
        context: { ...r.context, identity: { sourceIp: r.context['sourceIp'] } },
      });
  },
};
