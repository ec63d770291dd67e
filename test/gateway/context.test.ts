import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/index.js';
import { render, renderError } from '../helpers.js';

describe('$context defaults', () => {
  it('lists the keys AWS lists, in the order AWS iterates them', () => {
    expect(render('$context.keySet()')).toBe(
      '[resourceId, resourcePath, httpMethod, extendedRequestId, requestTime, path, accountId, protocol, requestOverride, stage, domainPrefix, requestTimeEpoch, requestId, identity, domainName, deploymentId, responseOverride, apiId]',
    );
    expect(render('$context.identity.keySet()')).toBe(
      '[cognitoIdentityPoolId, accountId, cognitoIdentityId, caller, sourceIp, principalOrgId, accessKey, cognitoAuthenticationType, cognitoAuthenticationProvider, userArn, userAgent, user]',
    );
    expect(render('$context.requestOverride.keySet() $context.responseOverride.keySet()')).toBe('[path, header, querystring] [header]');
  });

  it('is deterministic and realistic', () => {
    expect(render('$context.requestTime|$context.requestTimeEpoch|$context.requestId|$context.path|$context.protocol|$context.identity.sourceIp')).toBe(
      '20/Feb/2018:22:48:57 +0000|1519166937665|c6af9ac6-7b61-11e6-9a41-93e8deadbeef|/test|HTTP/1.1|192.0.2.1',
    );
    expect(render('$context')).toBe(render('$context'));
  });

  it('prints its inner maps as empty, and null fields as nothing', () => {
    expect(render('[$context.identity]|[$context.get("requestOverride")]|[$context.identity.user]')).toBe('[]|[]|[]');
  });

  it('takes the clock and the request id from options', () => {
    const r = renderTemplate('$context.requestTime $context.requestTimeEpoch $context.requestId', {}, {
      now: () => new Date('2026-11-22T09:05:03.250Z'),
      requestId: () => 'id-1',
    });
    expect(r.body).toBe('22/Nov/2026:09:05:03 +0000 1795338303250 id-1');
  });

  it('lets the caller override any field, nested ones included', () => {
    const input = {
      path: { petId: '7' },
      headers: { 'User-Agent': 'curl/8.5.0' },
      context: { stage: 'prod', resourcePath: '/pets/{petId}', httpMethod: 'GET', identity: { sourceIp: '203.0.113.9' } },
    };
    expect(render('$context.stage $context.path $context.resourcePath $context.httpMethod $context.identity.sourceIp $context.identity.userAgent', input)).toBe(
      'prod /prod/pets/7 /pets/{petId} GET 203.0.113.9 curl/8.5.0',
    );
  });

  it('exposes a Lambda authorizer context stringified, and Cognito claims', () => {
    const context = { authorizer: { principalId: 'user', numKey: 1, boolKey: true, claims: { sub: 'abc', 'custom:role': 'admin' } } };
    expect(render("$context.authorizer.principalId $context.authorizer.numKey $context.authorizer.boolKey $context.authorizer.claims.sub $context.authorizer.claims['custom:role']", { context })).toBe(
      'user 1 true abc admin',
    );
    expect(render('#if($context.authorizer.numKey == "1")string#end', { context })).toBe('string');
  });

  it('has no authorizer without one', () => {
    expect(render('[$context.authorizer.principalId][$context.authorizer.keySet()]')).toBe('[][]');
  });

  it('is read-only at the top level', () => {
    expect(renderError('$context.put("a", 1)').message).toMatch(/UnsupportedOperationException/);
  });
});

describe('$stageVariables', () => {
  it('reads variables in every documented form; a missing one is empty', () => {
    const input = { stageVariables: { v: '1', w: 'two' } };
    expect(render("$stageVariables.v $stageVariables['w'] ${stageVariables.v} ${stageVariables['w']} [$stageVariables.missing]", input)).toBe(
      '1 two 1 two []',
    );
  });
});
