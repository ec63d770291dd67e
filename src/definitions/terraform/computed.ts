/**
 * Attributes AWS assigns when it creates a resource, given offline values: the id of every resource is
 * its address (so references between resources link up), a REST API's `root_resource_id`, and the ARNs
 * of Lambda functions and roles in the same fixed account and region the CloudFormation loader uses.
 */
import { ACCOUNT_ID, REGION } from '../intrinsics.js';
import { isUnresolved } from './values.js';

/** The `root_resource_id` a REST API without a known one is given. */
export function rootResourceId(apiId: string): string {
  return `${apiId}.root_resource_id`;
}

/**
 * The value of an attribute the configuration does not set, or undefined when AWS alone knows it.
 * `get` reads the resource's configured attributes.
 */
export function computedAttribute(type: string, name: string, id: string, attribute: string, get: (attribute: string) => unknown): unknown {
  if (attribute === 'id') return id;
  switch (type) {
    case 'aws_api_gateway_rest_api':
      if (attribute === 'root_resource_id') return rootResourceId(id);
      if (attribute === 'execution_arn') return `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${id}`;
      if (attribute === 'arn') return `arn:aws:apigateway:${REGION}::/restapis/${id}`;
      return undefined;
    case 'aws_lambda_function': {
      const configured = get('function_name');
      const functionName = typeof configured === 'string' && !isUnresolved(configured) ? configured : name;
      const arn = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${functionName}`;
      const invoke = (target: string) => `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${target}/invocations`;
      switch (attribute) {
        case 'function_name':
          return functionName;
        case 'arn':
          return arn;
        case 'invoke_arn':
          return invoke(arn);
        case 'qualified_arn':
          return `${arn}:$LATEST`;
        case 'qualified_invoke_arn':
          return invoke(`${arn}:$LATEST`);
      }
      return undefined;
    }
    case 'aws_iam_role': {
      const configured = get('name');
      return attribute === 'arn' ? `arn:aws:iam::${ACCOUNT_ID}:role/${typeof configured === 'string' && !isUnresolved(configured) ? configured : name}` : undefined;
    }
  }
  return undefined;
}

/** `data.aws_region.current.name` and friends: the fixed account and region. */
export function dataSourceAttribute(type: string, attribute: string): string | undefined {
  if (type === 'aws_region' && (attribute === 'name' || attribute === 'id' || attribute === 'region')) return REGION;
  if (type === 'aws_caller_identity' && attribute === 'account_id') return ACCOUNT_ID;
  if (type === 'aws_partition' && attribute === 'partition') return 'aws';
  if (type === 'aws_partition' && attribute === 'dns_suffix') return 'amazonaws.com';
  return undefined;
}
