/**
 * `$input`: the method request (in a request template) or the integration response (in a response
 * template) as API Gateway exposes it.
 *
 * - `$input.body`: the raw payload; an empty payload reads `{}`.
 * - `$input.path(p)`: the JSONPath value as a Java object (maps print `{k=v}`, lists print JSON).
 * - `$input.json(p)`: the same value as compact JSON text; a missing path or JSON null gives `""`.
 * - `$input.params()`: `{path, querystring, header}` maps; `$input.params(name)` searches path, then
 *   query string, then headers (names case-insensitive); missing gives `""`.
 *
 * The body is parsed once, on first use, with json-smart's permissive rules: a body that is not JSON is a
 * string, but one that starts like JSON and breaks off is an error (API Gateway answers 400).
 */
import { JavaException } from '../java/exceptions.js';
import { canonicalJson } from '../java/json-canonical.js';
import { JsonParseError, parseJsonMetered } from '../java/json-parse.js';
import type { Meter } from '../java/meter.js';
import { toJsonText } from '../java/json-write.js';
import { JavaMap, JavaObject, mutationCount, NO_METHOD, type NoMethod, type Value } from '../java/values.js';
import { BodyNotJson } from '../vtl/errors.js';
import { JsonPathSyntaxError } from './jsonpath/parse-path.js';
import { NOT_FOUND, readJsonPath } from './jsonpath/read.js';
import type { JsonPathCache } from './jsonpath/cache.js';

/** The three parameter maps, name → single value, as API Gateway builds them (HashMaps). */
export interface RequestParameters {
  path: JavaMap;
  querystring: JavaMap;
  header: JavaMap;
}

export class InputObject extends JavaObject {
  readonly className = 'com.amazonaws.apigateway.Input';
  private document: Value | undefined;
  /**
   * `mutationCount()` when a strict-JSON body was parsed: while nothing has been written since,
   * `$input.json('$')` is written straight from the body text.
   */
  private canonicalAt = -1;
  private built: { params: RequestParameters; all: JavaMap } | undefined;

  constructor(
    /** The raw body (already `{}` when the payload was empty). */
    readonly body: string,
    /** Builds the parameter maps, on first use. */
    private readonly buildParams: () => RequestParameters,
    /** The render's meter: parsing the body and reading paths are charged to it. */
    private readonly meter: Meter,
    /** The template's parsed paths. */
    private readonly paths: JsonPathCache,
  ) {
    super();
  }

  private get params(): RequestParameters {
    return this.maps().params;
  }

  private maps(): { params: RequestParameters; all: JavaMap } {
    if (!this.built) {
      const params = this.buildParams();
      const all = new JavaMap('hash');
      all.set('path', params.path);
      all.set('querystring', params.querystring);
      all.set('header', params.header);
      this.built = { params, all };
    }
    return this.built;
  }

  override property(name: string): Value | undefined {
    return name === 'body' ? this.body : undefined;
  }

  override invoke(name: string, args: Value[]): Value | NoMethod {
    if (args.length === 0) {
      if (name === 'params') return this.maps().all;
      if (name === 'getBody') return this.body;
      return NO_METHOD;
    }
    if (args.length !== 1) return NO_METHOD;
    const [arg] = args;
    if (arg !== null && typeof arg !== 'string') return NO_METHOD;
    switch (name) {
      case 'params':
        return this.param(arg);
      case 'path':
        return this.path(arg);
      case 'json':
        return this.json(arg);
    }
    return NO_METHOD;
  }

  private param(name: string | null): string {
    if (name === null) return '';
    for (const map of [this.params.path, this.params.querystring, this.params.header]) {
      const v = map.get(name);
      if (typeof v === 'string') return v;
    }
    // Not found exactly: every header name is compared case-insensitively, a cost the client sets.
    const headers = this.params.header;
    this.meter.charge(headers.size);
    const lower = name.toLowerCase();
    for (const { key, value } of headers.entries()) {
      if (typeof key === 'string' && key.toLowerCase() === lower && typeof value === 'string') return value;
    }
    return '';
  }

  private parsed(): Value {
    if (this.document === undefined) {
      try {
        const parsed = parseJsonMetered(this.body, this.meter);
        this.document = parsed.value;
        if (parsed.canonicalFromText) this.canonicalAt = mutationCount();
      } catch (e) {
        if (e instanceof JsonParseError) throw new BodyNotJson(e.message);
        throw e;
      }
    }
    return this.document;
  }

  /** `$input.path(p)`: null (which renders empty) when the path selects nothing. */
  private path(jsonPath: string | null): Value {
    if (jsonPath === null) throw new JavaException('java.lang.IllegalArgumentException', 'path can not be null or empty');
    const document = this.parsed();
    if (document === null) throw new JavaException('java.lang.IllegalArgumentException', 'json can not be null');
    try {
      const v = readJsonPath(document, jsonPath, this.meter, this.paths);
      return v === NOT_FOUND ? null : v;
    } catch (e) {
      if (e instanceof JsonPathSyntaxError) throw new JavaException('com.jayway.jsonpath.InvalidPathException', e.message);
      throw e;
    }
  }

  private json(jsonPath: string | null): string {
    // The whole body, unparsed or unchanged since parsing: written straight from the text when it is strict JSON.
    if (jsonPath === '$' && (this.document === undefined || this.canonicalAt === mutationCount())) {
      this.meter.chars(this.body.length);
      const text = canonicalJson(this.body);
      if (text !== undefined) return this.meter.string(text);
    }
    const v = this.path(jsonPath);
    return v === null ? '""' : toJsonText(v, this.meter);
  }

  /** `$input` prints nothing (recorded on AWS in 2015). */
  override toJavaString(): string {
    return '';
  }
}
