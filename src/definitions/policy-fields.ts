/**
 * An API's resource policy as definitions give it: an IAM policy document, as an object
 * (`x-amazon-apigateway-policy`, `AWS::ApiGateway::RestApi` `Policy`) or as its JSON text (the REST API
 * stores it as text, and CloudFormation accepts either).
 */
import type { PolicyDocument, PolicyStatement } from '../model/index.js';
import { describe, fail, isObject, type Path, type Reader } from './fields.js';

function statement(r: Reader, v: unknown, path: Path): PolicyStatement {
  if (!isObject(v)) fail(r, path, `expected a policy statement object, found ${describe(v)}`);
  if (typeof v['Effect'] !== 'string') fail(r, path, 'a policy statement needs an Effect (Allow or Deny)');
  return v as unknown as PolicyStatement;
}

/** @throws DefinitionError when it is not a policy document (no `Statement`, or statements without `Effect`) */
export function readPolicyDocument(r: Reader, v: unknown, path: Path): PolicyDocument | undefined {
  // The Serverless Framework writes `Policy: ""` for none.
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  let document = v;
  if (typeof v === 'string') {
    try {
      document = JSON.parse(v);
    } catch {
      fail(r, path, 'is not a policy document (not valid JSON)');
    }
  }
  if (!isObject(document)) fail(r, path, `expected a policy document, found ${describe(document)}`);
  const statements = document['Statement'];
  if (statements === undefined) fail(r, path, 'a policy document needs a Statement');
  // Paths into text cannot be located; an object's statements can.
  const at = typeof v === 'string' ? () => path : (i?: number) => (i === undefined ? [...path, 'Statement'] : [...path, 'Statement', i]);
  const read = Array.isArray(statements) ? statements.map((s, i) => statement(r, s, at(i))) : statement(r, statements, at());
  return { ...(typeof document['Version'] === 'string' ? { Version: document['Version'] } : {}), Statement: read };
}
