/** One cold measurement, in a fresh process: prepare + first render, then a second render. */
import { handWritten } from './competitors/hand-written.js';
import { ours } from './competitors/ours.js';
import { velocityjsParseEveryCall } from './competitors/velocityjs.js';
import { WORKLOADS } from './workloads.js';

const competitors = { 'apigw-vtl': ours, 'velocityjs (parse per call)': velocityjsParseEveryCall, 'hand-written JS': handWritten };
const competitor = competitors[process.argv[2] as keyof typeof competitors];
const workload = WORKLOADS[0]!;
const request = workload.variants[0]!.request;

let start = performance.now();
const render = competitor.prepare(workload);
render(request);
const first = (performance.now() - start) * 1000;
start = performance.now();
render(request);
const second = (performance.now() - start) * 1000;
console.log(JSON.stringify({ first, second }));
