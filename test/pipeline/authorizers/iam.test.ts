import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IAM_IDENTITY, SIGV4_WARNING } from '../../../src/pipeline/authorizers/iam.js';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import type { PipelineOptions } from '../../../src/pipeline/options.js';
import { api, method, routedState } from './state.js';

const iamApi = api({}, [method({ authorizationType: 'AWS_IAM', authorizer: null })]);
const SIGNED = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20170507/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=dd464bfd1a89e755260a8ae6cbfc1139c3e7b8e185c00ffaf53ad7118c22b5d6';

function iamState(headers: Record<string, string>, iam?: PipelineOptions['iam'], query: Record<string, string> = {}) {
  return routedState({ api: iamApi, headers, query, options: iam ? { iam } : {} });
}

const keys = { AKIDEXAMPLE: { accountId: '111122223333', userArn: 'arn:aws:iam::111122223333:user/bob', caller: 'AIDABOB', user: 'AIDABOB' } };

describe('AWS_IAM offline: accept mode (pipeline.md §4.7)', () => {
  it('without accessKeys every request is accepted and $context.identity is the default IAM user', async () => {
    const state = iamState({});
    expect(await authorize(state)).toBeUndefined();
    expect(state.context.identity).toMatchObject({ ...DEFAULT_IAM_IDENTITY, sourceIp: '203.0.113.7' });
    expect(state.context.identity!.userArn).toBe('arn:aws:iam::123456789012:user/apigw-vtl-offline');
    expect(state.warnings.join('\n')).toContain('accepted without a signature');
  });

  it('iam.identity replaces the default fields it names', async () => {
    const state = iamState({}, { identity: { userArn: 'arn:aws:iam::123456789012:user/carol', user: 'AIDACAROL' } });
    await authorize(state);
    expect(state.context.identity).toMatchObject({ accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/carol', user: 'AIDACAROL' });
  });

  it('the identity object the caller passed is not mutated', async () => {
    const given = { sourceIp: '198.51.100.1' };
    const state = routedState({ api: iamApi, context: { identity: given } });
    await authorize(state);
    expect(given).toEqual({ sourceIp: '198.51.100.1' });
    expect(state.context.identity).toMatchObject({ sourceIp: '198.51.100.1', caller: DEFAULT_IAM_IDENTITY.caller });
  });
});

describe('AWS_IAM offline: key mode', () => {
  it('DOC/INF: no SigV4 credentials → 403 MISSING_AUTHENTICATION_TOKEN "Missing Authentication Token"', async () => {
    expect(await authorize(iamState({}, { accessKeys: keys }))).toMatchObject({ type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token' });
  });

  it('AWS: a non-SigV4 Authorization header → 403 DEFAULT_4XX IncompleteSignatureException with the hashed-header message (§10)', async () => {
    const value = 'Bearer test-token';
    const hash = createHash('sha256').update(value).digest('base64');
    const error = await authorize(iamState({ Authorization: value }, { accessKeys: keys }));
    expect(error).toMatchObject({
      type: 'DEFAULT_4XX',
      status: 403,
      errorType: 'IncompleteSignatureException',
      message: `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hash}'.`,
    });
  });

  it('a SigV4 header missing parameters or a date header → IncompleteSignatureException naming them', async () => {
    const error = await authorize(iamState({ Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20170507/us-east-1/execute-api/aws4_request' }, { accessKeys: keys }));
    expect(error).toMatchObject({ type: 'DEFAULT_4XX', errorType: 'IncompleteSignatureException' });
    expect(error!.message).toContain("Authorization header requires 'Signature' parameter.");
    expect(error!.message).toContain("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  });

  it('a credential scoped to another service → IncompleteSignatureException', async () => {
    const error = await authorize(iamState({ Authorization: SIGNED.replace('execute-api', 's3'), 'X-Amz-Date': '20170507T050710Z' }, { accessKeys: keys }));
    expect(error!.message).toBe("Credential should be scoped to correct service: 'execute-api'.");
  });

  it('AWS-OBS: an unknown access key → 403 "The security token included in the request is invalid." (INVALID_SIGNATURE)', async () => {
    const error = await authorize(iamState({ Authorization: SIGNED.replace('AKIDEXAMPLE', 'AKIDUNKNOWN'), 'X-Amz-Date': '20170507T050710Z' }, { accessKeys: keys }));
    expect(error).toMatchObject({ type: 'INVALID_SIGNATURE', message: 'The security token included in the request is invalid.' });
  });

  it('a listed key is accepted as its identity, with the access key filled in; the signature is not verified (warning)', async () => {
    const state = iamState({ authorization: SIGNED, 'x-amz-date': '20170507T050710Z' }, { accessKeys: keys });
    expect(await authorize(state)).toBeUndefined();
    expect(state.context.identity).toMatchObject({ accountId: '111122223333', userArn: 'arn:aws:iam::111122223333:user/bob', accessKey: 'AKIDEXAMPLE', sourceIp: '203.0.113.7' });
    expect(state.warnings).toContain(SIGV4_WARNING);
  });

  it('a presigned URL (X-Amz-Credential query parameter) is read too', async () => {
    const state = iamState({}, { accessKeys: keys }, { 'X-Amz-Credential': 'AKIDEXAMPLE/20170507/us-east-1/execute-api/aws4_request' });
    expect(await authorize(state)).toBeUndefined();
    expect(state.context.identity!.accessKey).toBe('AKIDEXAMPLE');
  });

  it('an access key id named __proto__ is looked up as an own key only', async () => {
    const error = await authorize(iamState({ Authorization: SIGNED.replace('AKIDEXAMPLE', '__proto__'), 'X-Amz-Date': 'x' }, { accessKeys: keys }));
    expect(error).toMatchObject({ type: 'INVALID_SIGNATURE' });
  });
});
