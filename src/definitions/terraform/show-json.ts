/**
 * `terraform show -json` output, for a saved plan (`planned_values`) or the state (`values`): the same
 * resources, their values already resolved by Terraform, child modules included. A plan leaves out what
 * only AWS assigns (ids, `root_resource_id`, a function's `invoke_arn`); those links are rebuilt from the
 * plan's `configuration`, whose expressions list the references each argument was written with.
 */
import { DefinitionError } from '../definition-error.js';
import type { ParsedDocument } from '../document.js';
import { isObject, type Path } from '../fields.js';
import { computedAttribute, rootResourceId } from './computed.js';
import type { TfResource } from './resource.js';
import { PLACEHOLDER_PREFIX } from './values.js';

/** Arguments that link resources, or that a plan may not know: rebuilt from the configuration's references. */
const LINKS = ['rest_api_id', 'parent_id', 'resource_id', 'http_method', 'status_code', 'uri', 'stage_name', 'deployment_id'];
/** Referenced attributes that an argument takes whole (`uri = aws_lambda_function.f.invoke_arn`), never inside a longer string. */
const WHOLE = new Set(['id', 'root_resource_id', 'invoke_arn', 'qualified_invoke_arn', 'http_method', 'status_code', 'stage_name']);

export function isTerraformJson(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value['format_version'] === 'string' && (isObject(value['planned_values']) || isObject(value['values']));
}

interface Found {
  resource: TfResource;
  /** Its module's configuration (`configuration.root_module` or a `module_calls` entry's `module`). */
  config: Record<string, unknown> | undefined;
  /** `module.api.` or empty. */
  prefix: string;
}

function configModule(config: Record<string, unknown> | undefined, childAddress: string): Record<string, unknown> | undefined {
  const name = /module\.([^.[]+)(\[[^\]]*\])?$/.exec(childAddress)?.[1];
  const calls = isObject(config?.['module_calls']) ? config['module_calls'] : undefined;
  const call = name && calls && isObject(calls[name]) ? calls[name] : undefined;
  return isObject(call?.['module']) ? call['module'] : undefined;
}

function locator(doc: ParsedDocument, at: Path): ParsedDocument {
  return {
    value: undefined,
    file: doc.file,
    locate(path) {
      const rest = path.slice(1);
      for (let n = rest.length; n >= 0; n--) {
        const found = doc.locate([...at, 'values', ...rest.slice(0, n)]);
        if (found) return found;
      }
      return doc.locate(at);
    },
  };
}

function collect(doc: ParsedDocument, module: unknown, at: Path, config: Record<string, unknown> | undefined, prefix: string, out: Found[]): void {
  if (!isObject(module)) return;
  const resources = Array.isArray(module['resources']) ? module['resources'] : [];
  resources.forEach((r, i) => {
    if (!isObject(r) || (r['mode'] !== undefined && r['mode'] !== 'managed')) return;
    const type = String(r['type'] ?? '');
    const name = String(r['name'] ?? '');
    const address = typeof r['address'] === 'string' ? r['address'] : `${prefix}${type}.${name}`;
    const values = isObject(r['values']) ? { ...r['values'] } : {};
    const path = [...at, 'resources', i];
    out.push({ resource: { type, name, address, values, reader: { doc: locator(doc, path) }, file: doc.file }, config, prefix });
  });
  const children = Array.isArray(module['child_modules']) ? module['child_modules'] : [];
  children.forEach((child, j) => {
    if (!isObject(child)) return;
    const address = String(child['address'] ?? '');
    collect(doc, child, [...at, 'child_modules', j], configModule(config, address), `${address}.`, out);
  });
}

/** `aws_api_gateway_resource.pets.id` (or `…pets[0].id`) → the resource's module-relative address and the attribute. */
function parseReference(ref: string): { address: string; attribute: string } | undefined {
  const m = /^([A-Za-z][\w-]*\.[\w-]+(?:\[[^\]]*\])?)\.([\w-]+)$/.exec(ref);
  if (!m || /^(var|local|data|module|each|count|path|self)\./.test(ref)) return undefined;
  return { address: m[1]!, attribute: m[2]! };
}

function fill(found: Found[]): void {
  const byAddress = new Map(found.map((f) => [f.resource.address, f.resource]));
  for (const { resource: r } of found) {
    if (typeof r.values['id'] !== 'string' || r.values['id'] === '') r.values['id'] = r.address;
    if (r.type === 'aws_api_gateway_rest_api' && typeof r.values['root_resource_id'] !== 'string') r.values['root_resource_id'] = rootResourceId(String(r.values['id']));
  }
  for (const { resource: r, config, prefix } of found) {
    const resources = Array.isArray(config?.['resources']) ? config['resources'] : [];
    const configured = resources.find((c) => isObject(c) && c['address'] === `${r.type}.${r.name}`) as Record<string, unknown> | undefined;
    const expressions = isObject(configured?.['expressions']) ? configured['expressions'] : {};
    for (const attribute of LINKS) {
      if (r.values[attribute] !== undefined && r.values[attribute] !== null) continue;
      const expression = expressions[attribute];
      const references = isObject(expression) && Array.isArray(expression['references']) ? (expression['references'] as unknown[]) : [];
      if (references.length === 0) continue;
      const ref = references.map((x) => (typeof x === 'string' ? parseReference(x) : undefined)).find((x) => x !== undefined);
      const target = ref && WHOLE.has(ref.attribute) ? byAddress.get(`${prefix}${ref.address}`) : undefined;
      const value = target
        ? (target.values[ref!.attribute] ?? computedAttribute(target.type, target.name, String(target.values['id']), ref!.attribute, (a) => target.values[a]))
        : undefined;
      r.values[attribute] = value ?? `${PLACEHOLDER_PREFIX}${references.find((x) => typeof x === 'string') ?? `${r.address}.${attribute}`}>`;
    }
  }
}

/** The resources of `terraform show -json` output. @throws DefinitionError for an unsupported format version */
export function resourcesFromShowJson(doc: ParsedDocument): TfResource[] {
  const value = doc.value;
  if (!isTerraformJson(value)) throw new DefinitionError('not terraform show -json output (no format_version with planned_values or values)', '', doc.file);
  const major = String(value['format_version']).split('.')[0];
  if (major !== '0' && major !== '1') {
    const pos = doc.locate(['format_version']);
    throw new DefinitionError(`format_version ${String(value['format_version'])} is not supported (1.x is)`, 'format_version', doc.file, pos?.line, pos?.column);
  }
  const plan = isObject(value['planned_values']);
  const top = plan ? 'planned_values' : 'values';
  const configuration = isObject(value['configuration']) && isObject(value['configuration']['root_module']) ? value['configuration']['root_module'] : undefined;
  const found: Found[] = [];
  collect(doc, (value[top] as Record<string, unknown>)['root_module'], [top, 'root_module'], configuration, '', found);
  fill(found);
  return found.map((f) => f.resource);
}
