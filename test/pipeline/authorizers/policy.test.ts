import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unlimitedMeter } from '../../../src/java/meter.js';
import { globMatches } from '../../../src/pipeline/authorizers/glob.js';
import { evaluatePolicy, parsePolicyDocument, type Statement } from '../../../src/pipeline/authorizers/policy.js';
import { inBlock, parseAddress, parseCidr } from '../../../src/pipeline/authorizers/cidr.js';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42';

function verdict(doc: unknown, resource = ARN, sourceIp: string | null = '203.0.113.7') {
  const parsed = parsePolicyDocument(doc, 'policyDocument');
  expect(parsed.problems).toEqual([]);
  return evaluatePolicy(parsed.statements, { resource, sourceIp }, unlimitedMeter(), new Set());
}

const statement = (Effect: string, Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({ Effect, Action, Resource });

describe('IAM ARN globbing (pipeline.md §4.4, INF M)', () => {
  it.each([
    ['arn:aws:execute-api:*:*:*', true],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*', true],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/*/*', true],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/*', true],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/4?', true],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/?', false],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/get/pets/42', false],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/POST/*', false],
    ['*', true],
    ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets', false],
  ])('%s matches the method ARN: %s', (pattern, expected) => {
    expect(globMatches(pattern, ARN, unlimitedMeter())).toBe(expected);
  });

  it('* runs across / and : ; the match is case-sensitive', () => {
    expect(globMatches('a*z', 'a/b:c/z', unlimitedMeter())).toBe(true);
    expect(globMatches('A*', 'a', unlimitedMeter())).toBe(false);
  });
});

describe('policy evaluation (pipeline.md §4.4)', () => {
  it('AWS: Resource may be a list', () => {
    expect(verdict({ Statement: [statement('Allow', ['arn:aws:execute-api:us-west-2:1:x/*', 'arn:aws:execute-api:*:*:a1b2c3d4e5/prod/*/*'])] })).toBe('allow');
  });

  it('Statement may be a single object', () => {
    expect(verdict({ Statement: statement('Allow', '*') })).toBe('allow');
  });

  it.each(['execute-api:Invoke', 'execute-api:invoke', 'execute-api:*', '*', 'execute-api:In*', ['s3:GetObject', 'execute-api:Invoke']])('Action %j covers execute-api:Invoke', (action) => {
    expect(verdict({ Statement: [statement('Allow', '*', action)] })).toBe('allow');
  });

  it.each(['execute-api:ManageConnections', 's3:*', ['dynamodb:*']])('Action %j does not cover execute-api:Invoke', (action) => {
    expect(verdict({ Statement: [statement('Allow', '*', action)] })).toBe('none');
  });

  it('AWS: an explicit Deny wins over any Allow, whatever the order', () => {
    const allow = statement('Allow', 'arn:aws:execute-api:*:*:a1b2c3d4e5/prod/*/*');
    const deny = statement('Deny', 'arn:aws:execute-api:*:*:a1b2c3d4e5/prod/GET/pets/*');
    expect(verdict({ Statement: [allow, deny] })).toBe('deny');
    expect(verdict({ Statement: [deny, allow] })).toBe('deny');
  });

  it('no applying statement is the implicit deny; an empty statement list too', () => {
    expect(verdict({ Statement: [statement('Deny', 'arn:aws:execute-api:*:*:other/*')] })).toBe('none');
    expect(verdict({ Statement: [] })).toBe('none');
  });

  it('NotResource and NotAction invert their lists', () => {
    expect(verdict({ Statement: [{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:execute-api:*:*:*/prod/POST/*' }] })).toBe('allow');
    expect(verdict({ Statement: [{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:execute-api:*:*:*/prod/GET/*' }] })).toBe('none');
    expect(verdict({ Statement: [{ Effect: 'Deny', NotAction: 's3:*', Resource: '*' }] })).toBe('deny');
  });

  it('the resource-policy shorthand execute-api:/… is read against the method\'s own API', () => {
    expect(verdict({ Statement: [statement('Allow', 'execute-api:/prod/GET/*')] })).toBe('allow');
    expect(verdict({ Statement: [statement('Allow', 'execute-api:/dev/*')] })).toBe('none');
  });

  it('IpAddress / NotIpAddress on aws:SourceIp, IPv4 and IPv6', () => {
    const allowFrom = (cidrs: string[]) => ({ Statement: [{ ...statement('Allow', '*'), Condition: { IpAddress: { 'aws:SourceIp': cidrs } } }] });
    expect(verdict(allowFrom(['198.51.100.0/24', '203.0.113.0/24']))).toBe('allow');
    expect(verdict(allowFrom(['198.51.100.0/24']))).toBe('none');
    expect(verdict(allowFrom(['2001:db8::/32']), ARN, '2001:db8::1')).toBe('allow');
    expect(verdict(allowFrom(['203.0.113.7']))).toBe('allow');
    const denyOutside = { Statement: [statement('Allow', '*'), { ...statement('Deny', '*'), Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] };
    expect(verdict(denyOutside)).toBe('deny');
    expect(verdict(denyOutside, ARN, '10.1.2.3')).toBe('allow');
  });

  it('an unsupported condition holds for Allow and fails for Deny, with a note', () => {
    const notes = new Set<string>();
    const cond = { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } };
    const parsed = parsePolicyDocument({ Statement: [{ ...statement('Deny', '*'), Condition: cond }, { ...statement('Allow', '*'), Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }] }, 'p');
    expect(evaluatePolicy(parsed.statements, { resource: ARN, sourceIp: null }, unlimitedMeter(), notes)).toBe('allow');
    expect([...notes].join('\n')).toContain('aws:SourceVpce');
  });

  it('problems of a document are reported, capped', () => {
    expect(parsePolicyDocument(null, 'p').problems).toEqual(['p must be an object']);
    expect(parsePolicyDocument({}, 'p').problems).toEqual(['p has no Statement']);
    const many = parsePolicyDocument({ Statement: Array.from({ length: 100 }, () => ({ Effect: 'Maybe' })) }, 'p');
    expect(many.problems).toHaveLength(6);
  });
});

describe('CIDR blocks', () => {
  it('parses IPv4 and IPv6 blocks and addresses', () => {
    expect(inBlock(parseAddress('192.0.2.130')!, parseCidr('192.0.2.128/25')!)).toBe(true);
    expect(inBlock(parseAddress('192.0.2.127')!, parseCidr('192.0.2.128/25')!)).toBe(false);
    expect(inBlock(parseAddress('::ffff:192.0.2.1')!, parseCidr('::ffff:0:0/96')!)).toBe(true);
    expect(inBlock(parseAddress('1.2.3.4')!, parseCidr('0.0.0.0/0')!)).toBe(true);
    expect(parseCidr('300.1.1.1/8')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseAddress('1::2::3')).toBeUndefined();
  });
});

describe('property: an explicit matching Deny always wins', () => {
  const segment = fc.constantFrom('prod', 'dev', 'GET', 'POST', 'pets', '42', '*', '?', 'a1b2c3d4e5', 'p*', '*s');
  const pattern = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `arn:aws:execute-api:us-east-1:123456789012:${parts.join('/')}`);
  const stmt = fc.record({ effect: fc.constantFrom('Allow', 'Deny'), resources: fc.array(fc.oneof(pattern, fc.constant('*')), { minLength: 1, maxLength: 3 }) });
  const arn = fc
    .tuple(fc.constantFrom('prod', 'dev'), fc.constantFrom('GET', 'POST'), fc.array(fc.constantFrom('pets', '42', 'x'), { maxLength: 3 }))
    .map(([stage, m, path]) => `arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/${stage}/${m}/${path.join('/')}`);

  /** A reference matcher: the glob as a regular expression. */
  const reference = (p: string, t: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`).test(t);

  it('for random policies and ARNs, any applying Deny makes the verdict deny; otherwise any applying Allow allows', () => {
    fc.assert(
      fc.property(fc.array(stmt, { maxLength: 8 }), arn, (statements, resource) => {
        const policy: Statement[] = statements.map((s) => ({ effect: s.effect as 'Allow' | 'Deny', actions: ['execute-api:Invoke'], resources: s.resources }));
        const result = evaluatePolicy(policy, { resource, sourceIp: null }, unlimitedMeter(), new Set());
        const denied = policy.some((s) => s.effect === 'Deny' && s.resources!.some((r) => reference(r, resource)));
        const allowed = policy.some((s) => s.effect === 'Allow' && s.resources!.some((r) => reference(r, resource)));
        expect(result).toBe(denied ? 'deny' : allowed ? 'allow' : 'none');
      }),
      { numRuns: 500 },
    );
  });
});
