import { describe, expect, it } from 'vitest';
import { RouteTable } from '../../src/api/routes.js';
import type { MethodDefinition } from '../../src/index.js';

const m = (httpMethod: string, resourcePath: string): MethodDefinition => ({ httpMethod, resourcePath, integration: { type: 'MOCK' } });
const table = new RouteTable([
  m('GET', '/'),
  m('GET', '/pets'),
  m('GET', '/pets/{id}'),
  m('GET', '/pets/mine'),
  m('ANY', '/pets/{id}/toys'),
  m('POST', '/pets/{id}/toys'),
  m('ANY', '/files/{path+}'),
  m('GET', '/{proxy+}'),
]);
const route = (method: string, path: string) => {
  const r = table.match(method, path);
  return r && [`${r.method.httpMethod} ${r.method.resourcePath}`, r.pathParameters];
};

describe('routing a request to a method', () => {
  it.each([
    ['GET', '/', ['GET /', {}]],
    ['GET', '/pets', ['GET /pets', {}]],
    ['GET', '/pets/', ['GET /pets', {}]],
    ['GET', '/pets/mine', ['GET /pets/mine', {}]],
    ['GET', '/pets/42', ['GET /pets/{id}', { id: '42' }]],
    ['GET', '/pets/a%20b', ['GET /pets/{id}', { id: 'a b' }]],
    ['POST', '/pets/7/toys', ['POST /pets/{id}/toys', { id: '7' }]],
    ['DELETE', '/pets/7/toys', ['ANY /pets/{id}/toys', { id: '7' }]],
    ['PUT', '/files/a/b/c.txt', ['ANY /files/{path+}', { path: 'a/b/c.txt' }]],
    ['GET', '/anything/else', ['GET /{proxy+}', { proxy: 'anything/else' }]],
    ['GET', '/pets/7/unknown', ['GET /{proxy+}', { proxy: 'pets/7/unknown' }]],
  ])('%s %s → %j', (method, path, expected) => {
    expect(route(method, path)).toEqual(expected);
  });

  it('a method not defined anywhere on the path does not match', () => {
    expect(route('POST', '/pets')).toBeUndefined();
    expect(new RouteTable([m('GET', '/a')]).match('GET', '/b')).toBeUndefined();
  });

  it('path parameter names cannot reach Object.prototype', () => {
    const r = new RouteTable([m('GET', '/{__proto__}')]).match('GET', '/x');
    expect(Object.hasOwn(r!.pathParameters, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('a greedy parameter must be last', () => {
    expect(() => new RouteTable([m('GET', '/{a+}/b')])).toThrow(/must be the last path segment/);
  });
});
