/**
 * Who may call an operation, as API Gateway imports it from OpenAPI: security schemes (Swagger 2
 * `securityDefinitions`, OpenAPI 3 `components.securitySchemes`) with `x-amazon-apigateway-authorizer`
 * are authorizers; `x-amazon-apigateway-authtype: awsSigv4` (or any `aws…` type) is IAM; an `apiKey`
 * scheme for the `x-api-key` header is the API key. An operation's `security` overrides the root's, and
 * an empty list means no authorization.
 */
import type { AuthorizerDefinition, MethodDefinition } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { CAMEL_CASE_AUTHORIZER, readAuthorizer } from './authorizer-fields.js';
import { compact, describe, fail, isObject, type Path, type Reader } from './fields.js';

/** What a security scheme means to API Gateway; `other` schemes (OAuth2, HTTP, …) do nothing. */
export type SchemeMeaning = { kind: 'authorizer'; authorizer: AuthorizerDefinition } | { kind: 'iam' } | { kind: 'apiKey' } | { kind: 'other' };

export interface SecuritySchemes {
  byName: Record<string, SchemeMeaning>;
  /** The authorizers among them, by scheme name (undefined when there are none). */
  authorizers?: Record<string, AuthorizerDefinition>;
}

export type MethodAuth = Pick<MethodDefinition, 'authorizationType' | 'authorizer' | 'authorizationScopes' | 'apiKeyRequired'>;

const API_KEY_HEADER = 'x-api-key';

function meaning(r: Reader, name: string, scheme: unknown, path: Path, source: string): SchemeMeaning {
  if (!isObject(scheme)) fail(r, path, `expected a security scheme object, found ${describe(scheme)}`);
  const header = scheme['in'] === 'header' && typeof scheme['name'] === 'string' ? scheme['name'] : undefined;
  const extension = scheme['x-amazon-apigateway-authorizer'];
  if (extension !== undefined) {
    const authorizer = readAuthorizer(r, extension, [...path, 'x-amazon-apigateway-authorizer'], CAMEL_CASE_AUTHORIZER, {
      name,
      // The scheme's header is the token source of TOKEN and Cognito authorizers.
      defaultIdentitySource: header === undefined ? undefined : `method.request.header.${header}`,
      source,
    });
    return { kind: 'authorizer', authorizer };
  }
  const authType = scheme['x-amazon-apigateway-authtype'];
  // `awsSigv4` and every other `aws`-prefixed auth type are reserved for IAM.
  if (typeof authType === 'string' && /^aws/i.test(authType)) return { kind: 'iam' };
  if (scheme['type'] === 'apiKey' && header?.toLowerCase() === API_KEY_HEADER) return { kind: 'apiKey' };
  return { kind: 'other' };
}

/** The security schemes of a document, in both versions' places. */
export function readSecuritySchemes(r: Reader, document: Record<string, unknown>, base: Path): SecuritySchemes {
  const components = isObject(document['components']) ? document['components'] : undefined;
  const places: [unknown, Path][] = [
    [document['securityDefinitions'], [...base, 'securityDefinitions']],
    [components?.['securitySchemes'], [...base, 'components', 'securitySchemes']],
  ];
  const byName: Record<string, SchemeMeaning> = {};
  const authorizers: Record<string, AuthorizerDefinition> = {};
  for (const [schemes, at] of places) {
    if (schemes === undefined || schemes === null) continue;
    if (!isObject(schemes)) fail(r, at, 'expected a map from name to security scheme');
    for (const [name, scheme] of Object.entries(schemes)) {
      const source = `${r.doc?.file ? `${r.doc.file} ` : ''}${at.slice(base.length).join('.')}.${name}`;
      const m = meaning(r, name, scheme, [...at, name], source);
      setOwn(byName, name, m);
      if (m.kind === 'authorizer') setOwn(authorizers, name, m.authorizer);
    }
  }
  return { byName, authorizers: Object.keys(authorizers).length > 0 ? authorizers : undefined };
}

/**
 * An operation's authorization from its security requirements. API Gateway applies every listed scheme
 * (an authorizer and the API key together), not OpenAPI's "any one of"; a method has one authorizer, the
 * first named.
 */
export function methodAuth(r: Reader, security: unknown, path: Path, schemes: SecuritySchemes): MethodAuth {
  if (security === undefined || security === null) return {};
  if (!Array.isArray(security)) fail(r, path, `expected a list of security requirements, found ${describe(security)}`);
  const auth: MethodAuth = {};
  security.forEach((requirement, i) => {
    if (!isObject(requirement)) fail(r, [...path, i], `expected a security requirement object, found ${describe(requirement)}`);
    for (const [name, scopes] of Object.entries(requirement)) {
      const at = [...path, i, name];
      if (!Object.hasOwn(schemes.byName, name)) {
        fail(r, at, `no security scheme named '${name}' (schemes: ${Object.keys(schemes.byName).join(', ') || 'none'})`);
      }
      const m = schemes.byName[name]!;
      if (m.kind === 'apiKey') auth.apiKeyRequired = true;
      if (auth.authorizationType !== undefined) continue;
      if (m.kind === 'iam') auth.authorizationType = 'AWS_IAM';
      if (m.kind === 'authorizer') Object.assign(auth, authorizerAuth(r, m.authorizer, scopes, at));
    }
  });
  return compact(auth);
}

/** Scopes count for Cognito only (an access token must carry one); none means an ID token is expected. */
function authorizerAuth(r: Reader, authorizer: AuthorizerDefinition, scopes: unknown, path: Path): MethodAuth {
  if (scopes !== undefined && scopes !== null && (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string'))) {
    fail(r, path, `expected a list of scopes, found ${describe(scopes)}`);
  }
  const cognito = authorizer.type === 'COGNITO_USER_POOLS';
  const list = (scopes ?? []) as string[];
  return {
    authorizationType: cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM',
    authorizer: authorizer.name,
    authorizationScopes: cognito && list.length > 0 ? [...list] : undefined,
  };
}
