// Run after the tests with APIGW_VTL_COVERAGE=coverage-vtl: the template file the tests read must be in
// lcov.info under its own path, at its own lines, with the branch the tests never took shown as such.
import { readFileSync } from 'node:fs';

const lcov = readFileSync('coverage-vtl/lcov.info', 'utf8');
const record = lcov.split('end_of_record').find((r) => r.includes('SF:templates/greet.vtl\n'));
if (!record) throw new Error(`templates/greet.vtl is not in lcov.info:\n${lcov}`);
const da = [...record.matchAll(/^DA:(\d+),(\d+)$/gm)].map((m) => `${m[1]}=${m[2]}`).join(' ');
if (da !== '1=2 2=2 4=0') throw new Error(`unexpected lines for greet.vtl: ${da}`);
if (!record.includes('BRDA:1,0,0,2\nBRDA:1,0,1,0')) throw new Error(`unexpected branches for greet.vtl:\n${record}`);
console.log('template coverage: lcov.info has templates/greet.vtl at its lines');
