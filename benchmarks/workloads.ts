/**
 * The templates measured, each with its requests and a hand-written JavaScript function producing the
 * same output (the practical lower bound). Directive lines are not indented: Velocity 1.7 and velocityjs
 * treat indentation before a directive differently, and outputs must be byte-identical to be compared.
 */
import { escapeJavaScript, urlEncode } from './competitors/java-like.js';
import { order, orderBody, orderWithItems, type Item, type Order } from './data.js';

export interface BenchRequest {
  body: string;
  path: Record<string, string>;
  query: Record<string, string>;
  /** In the order API Gateway's HashMap iterates them, so every engine prints the same order. */
  headers: Record<string, string>;
  stageVariables: Record<string, string>;
  context: Record<string, string>;
}

export interface Variant {
  label: string;
  request: BenchRequest;
}

export interface Workload {
  name: string;
  description: string;
  template: string;
  variants: Variant[];
  handWritten(request: BenchRequest): string;
}

export const CONTEXT: Record<string, string> = {
  accountId: '123456789012',
  apiId: 'a1b2c3d4e5',
  apiKey: 'key-1',
  principalId: 'user-1',
  caller: 'AIDAEXAMPLE',
  cognitoAuthenticationProvider: 'provider',
  cognitoAuthenticationType: 'authenticated',
  cognitoIdentityId: 'identity-1',
  cognitoIdentityPoolId: 'pool-1',
  httpMethod: 'POST',
  stage: 'prod',
  sourceIp: '192.0.2.1',
  user: 'AIDAEXAMPLE',
  userAgent: 'curl 8.5.0',
  userArn: 'arn:aws:iam::123456789012:user',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  resourceId: 'abc123',
  resourcePath: '{orderId}',
};

function request(body: string): BenchRequest {
  return {
    body,
    path: { orderId: 'ord-12345' },
    query: { page: '2', sort: 'name' },
    headers: { 'X-Trace': 'trace "1"', Accept: 'application json' },
    stageVariables: { env: 'prod', table: 'Orders' },
    context: CONTEXT,
  };
}

const SIZES = [1024, 100 * 1024, 1024 * 1024];
const bySize = () => SIZES.map((bytes) => ({ label: bytes >= 1024 * 1024 ? '1 MB body' : `${bytes / 1024} KB body`, request: request(orderBody(bytes)) }));

const CONTEXT_FIELDS: [string, string][] = [
  ['account-id', 'identity.accountId'],
  ['api-id', 'apiId'],
  ['api-key', 'identity.apiKey'],
  ['authorizer-principal-id', 'authorizer.principalId'],
  ['caller', 'identity.caller'],
  ['cognito-authentication-provider', 'identity.cognitoAuthenticationProvider'],
  ['cognito-authentication-type', 'identity.cognitoAuthenticationType'],
  ['cognito-identity-id', 'identity.cognitoIdentityId'],
  ['cognito-identity-pool-id', 'identity.cognitoIdentityPoolId'],
  ['http-method', 'httpMethod'],
  ['stage', 'stage'],
  ['source-ip', 'identity.sourceIp'],
  ['user', 'identity.user'],
  ['user-agent', 'identity.userAgent'],
  ['user-arn', 'identity.userArn'],
  ['request-id', 'requestId'],
  ['resource-id', 'resourceId'],
  ['resource-path', 'resourcePath'],
];

const contextKey = (path: string) => path.split('.').pop()!;

/** AWS's "Method Request passthrough" template (console), directive lines unindented. */
const passthrough: Workload = {
  name: 'passthrough',
  description: "AWS's Method Request passthrough: params loops with escapeJavaScript, $input.json('$'), 18 $context fields",
  template: `#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
#set($params = $allParams.get($type))
"$type" : {
#foreach($paramName in $params.keySet())
"$paramName" : "$util.escapeJavaScript($params.get($paramName))"#if($foreach.hasNext),#end
#end
}#if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"#if($foreach.hasNext),#end
#end
},
"context" : {
${CONTEXT_FIELDS.map(([name, path]) => `"${name}" : "$context.${path}"`).join(',\n')}
}
}
`,
  variants: bySize(),
  handWritten(r) {
    const section = (values: Record<string, string>) =>
      Object.entries(values)
        .map(([k, v]) => `"${k}" : "${escapeJavaScript(v)}"`)
        .join(',');
    const params = (['path', 'querystring', 'header'] as const)
      .map((type) => `"${type}" : {\n${section(type === 'path' ? r.path : type === 'querystring' ? r.query : r.headers)}}`)
      .join(',');
    const stageVariables = section(r.stageVariables);
    const context = CONTEXT_FIELDS.map(([name, path]) => `"${name}" : "${r.context[contextKey(path)]}"`).join(',\n');
    return `{\n"body-json" : ${JSON.stringify(JSON.parse(r.body))},\n"params" : {\n${params}},\n"stage-variables" : {\n${stageVariables}},\n"context" : {\n${context}\n}\n}\n`;
  },
};

/** A response transform looping over every item of the order. */
const transform: Workload = {
  name: 'transform',
  description: 'response transform: #foreach over the items with escapeJavaScript, get(0), size()',
  template: `#set($order = $input.path('$'))
{
"orderId": "$order.orderId",
"customer": "$util.escapeJavaScript($order.customer.name)",
"lines": [
#foreach($item in $order.items)
{"id": $item.id, "sku": "$item.sku", "name": "$util.escapeJavaScript($item.name)", "quantity": $item.quantity, "price": $item.price, "firstTag": "$item.tags.get(0)", "tagCount": $item.tags.size()}#if($foreach.hasNext),#end
#end
],
"count": $order.items.size()
}`,
  variants: [100, 1000].map((n) => ({ label: `${n} items`, request: request(orderWithItems(n)) })),
  handWritten(r) {
    const order = JSON.parse(r.body) as Order;
    const lines = order.items
      .map((i) => `{"id": ${i.id}, "sku": "${i.sku}", "name": "${escapeJavaScript(i.name)}", "quantity": ${i.quantity}, "price": ${i.price}, "firstTag": "${i.tags[0]}", "tagCount": ${i.tags.length}}`)
      .join(',');
    return `{\n"orderId": "${order.orderId}",\n"customer": "${escapeJavaScript(order.customer.name)}",\n"lines": [\n${lines}],\n"count": ${order.items.length}\n}`;
  },
};

/** A DynamoDB PutItem request built from the order. */
const dynamodb: Workload = {
  name: 'dynamodb',
  description: 'DynamoDB PutItem request: fields, a stage variable, $context, a loop over the SKUs',
  template: `#set($o = $input.path('$'))
{
"TableName": "$stageVariables.table",
"Item": {
"orderId": {"S": "$o.orderId"},
"customer": {"S": "$util.escapeJavaScript($o.customer.name)"},
"email": {"S": "$o.customer.email"},
"itemCount": {"N": "$o.items.size()"},
"note": {"S": "$util.escapeJavaScript($o.note)"},
"requestId": {"S": "$context.requestId"},
"skus": {"SS": [#foreach($i in $o.items)"$i.sku"#if($foreach.hasNext),#end#end]}
}
}`,
  variants: bySize(),
  handWritten(r) {
    const o = JSON.parse(r.body) as Order;
    return `{\n"TableName": "${r.stageVariables['table']}",\n"Item": {\n"orderId": {"S": "${o.orderId}"},\n"customer": {"S": "${escapeJavaScript(o.customer.name)}"},\n"email": {"S": "${o.customer.email}"},\n"itemCount": {"N": "${o.items.length}"},\n"note": {"S": "${escapeJavaScript(o.note)}"},\n"requestId": {"S": "${r.context['requestId']}"},\n"skus": {"SS": [${o.items.map((i) => `"${i.sku}"`).join(',')}]}\n}\n}`;
  },
};

/** An SQS SendMessage request, form-encoded. */
const sqs: Workload = {
  name: 'sqs',
  description: 'SQS SendMessage: the raw body form-encoded with $util.urlEncode',
  template: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
  variants: bySize(),
  handWritten: (r) => `Action=SendMessage&MessageBody=${urlEncode(r.body)}`,
};

/** String methods in a loop: what templates do to clean up fields (trim, case, replaceAll, split, substring). */
const strings: Workload = {
  name: 'strings',
  description: 'string methods in a #foreach: trim, toLowerCase, replaceAll, split, substring, indexOf, startsWith, concat',
  template: `#set($items = $input.path('$.items'))
[
#foreach($item in $items)
#set($name = $item.name.trim().toLowerCase())
#set($words = $name.split(' '))
{"slug": "$name.replaceAll('"', '').replaceAll(' ', '-')", "words": $words.size(), "first": "$words.get(0)", "sku": "$item.sku.toLowerCase()", "code": "$item.sku.substring(4)", "at": $name.indexOf('a'), "new": $item.sku.startsWith('SKU-1009'), "tags": "$item.tags.get(0).toUpperCase().concat('-').concat($item.tags.get(1))"}#if($foreach.hasNext),#end
#end
]`,
  variants: [{ label: '1000 items', request: request(orderWithItems(1000)) }],
  handWritten(r) {
    const order = JSON.parse(r.body) as Order;
    const lines = order.items.map((i) => {
      const name = i.name.trim().toLowerCase();
      const words = name.split(' ');
      return `{"slug": "${name.replaceAll('"', '').replaceAll(' ', '-')}", "words": ${words.length}, "first": "${words[0]}", "sku": "${i.sku.toLowerCase()}", "code": "${i.sku.substring(4)}", "at": ${name.indexOf('a')}, "new": ${i.sku.startsWith('SKU-1009')}, "tags": "${i.tags[0]!.toUpperCase()}-${i.tags[1]}"}`;
    });
    return `[\n${lines.join(',')}]`;
  },
};

/** Integer arithmetic in a loop over a range, no body: the template's own work and nothing else. */
const arithmetic: Workload = {
  name: 'arithmetic',
  description: 'Integer arithmetic in a #foreach over [1..1000]: + - * %, comparisons, no body',
  template: `#set($sum = 0)
#set($hash = 7)
#foreach($i in [1..1000])
#set($sum = $sum + $i * 3 - $i % 7)
#set($hash = ($hash * 31 + $i) % 1000003)
#if($i % 250 == 0)
$i: $sum $hash
#end
#end
done: $sum $hash`,
  variants: [{ label: 'no body', request: request('') }],
  handWritten() {
    let sum = 0;
    let hash = 7;
    let out = '';
    for (let i = 1; i <= 1000; i++) {
      sum = sum + i * 3 - (i % 7);
      hash = (hash * 31 + i) % 1000003;
      if (i % 250 === 0) out += `${i}: ${sum} ${hash}\n`;
    }
    return `${out}done: ${sum} ${hash}`;
  },
};

/** A one-line template reading a path parameter. */
const oneLine: Workload = {
  name: 'one-line',
  description: "one line: {\"id\": \"$input.params('orderId')\"}",
  template: `{"id": "$input.params('orderId')"}`,
  variants: [{ label: '1 KB body', request: request(orderBody(1024)) }],
  handWritten: (r) => `{"id": "${r.path['orderId']}"}`,
};

export const WORKLOADS: Workload[] = [passthrough, transform, dynamodb, sqs, strings, arithmetic, oneLine];

/**
 * For the loop-scaling chart: items in pages of 100, read by nested loops, so a body of 10 000 items is
 * rendered in full although API Gateway stops each #foreach after 1000 iterations.
 */
export const paged: Workload = {
  name: 'paged',
  description: 'nested #foreach over pages of 100 items',
  template: `#set($pages = $input.path('$.pages'))
[
#foreach($page in $pages)
#foreach($item in $page)
{"id": $item.id, "sku": "$item.sku", "name": "$util.escapeJavaScript($item.name)", "quantity": $item.quantity, "price": $item.price}#if($foreach.hasNext),#end
#end
#if($foreach.hasNext),#end
#end
]`,
  variants: [],
  handWritten(r) {
    const pages = (JSON.parse(r.body) as { pages: Item[][] }).pages;
    const page = (items: Item[]) => items.map((i) => `{"id": ${i.id}, "sku": "${i.sku}", "name": "${escapeJavaScript(i.name)}", "quantity": ${i.quantity}, "price": ${i.price}}`).join(',');
    return `[\n${pages.map(page).join(',')}]`;
  },
};

/** A body of `count` items in pages of 100, for {@link paged}. */
export function pagedBody(count: number): string {
  const items = order(count).items;
  const pages: Item[][] = [];
  for (let i = 0; i < items.length; i += 100) pages.push(items.slice(i, i + 100));
  return JSON.stringify({ pages }, null, 1);
}

/** The request every workload uses, with another body. */
export function withBody(body: string): BenchRequest {
  return request(body);
}
