/**
 * The playground's presets: templates people write for real integrations, each with a request that
 * shows what it does. They are what users copy, so each one is correct for its request (the tests in
 * test/playground/presets.test.ts render them).
 */
import type { RenderInput } from '../../src/browser.js';

export interface Preset {
  /** Stable, kebab-case. */
  id: string;
  title: string;
  /** What the template does and which API Gateway behaviour it shows. */
  description: string;
  /** An integration request template, or an integration response template (the body is then the backend's). */
  kind: 'request' | 'response';
  template: string;
  input: RenderInput;
}

// 1. The "Method Request passthrough" template, verbatim, whitespace included: the text the API Gateway
// console inserts from Integration request → Mapping templates → Generate template → "Method request
// passthrough". AWS's developer guide prints only a shortened variant of it (Example 2 of "Examples using
// variables for mapping template transformations", api-gateway-mapping-variable-examples.html); the full
// text here is the console's output as copied, identically, in many public projects (for example
// https://pastebin.com/gjZaxBTW, 2018, and CloudFormation/Troposphere/Terraform request templates on
// GitHub). Its escapeJavaScript values are left as AWS wrote them (an apostrophe would become \', which
// is not JSON): users paste this exact text, so the playground shows what it really does.
const METHOD_REQUEST_PASSTHROUGH = `##  See http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
##  This template will pass through all parameters including path, querystring, header, stage variables, and context through to the integration endpoint via the body/payload
#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "account-id" : "$context.identity.accountId",
    "api-id" : "$context.apiId",
    "api-key" : "$context.identity.apiKey",
    "authorizer-principal-id" : "$context.authorizer.principalId",
    "caller" : "$context.identity.caller",
    "cognito-authentication-provider" : "$context.identity.cognitoAuthenticationProvider",
    "cognito-authentication-type" : "$context.identity.cognitoAuthenticationType",
    "cognito-identity-id" : "$context.identity.cognitoIdentityId",
    "cognito-identity-pool-id" : "$context.identity.cognitoIdentityPoolId",
    "http-method" : "$context.httpMethod",
    "stage" : "$context.stage",
    "source-ip" : "$context.identity.sourceIp",
    "user" : "$context.identity.user",
    "user-agent" : "$context.identity.userAgent",
    "user-arn" : "$context.identity.userArn",
    "request-id" : "$context.requestId",
    "resource-id" : "$context.resourceId",
    "resource-path" : "$context.resourcePath"
    }
}
`;

// 2. The body of an AWS service integration to DynamoDB (POST, path action PutItem). The order is read
// with $input.path; every client string goes through escapeJavaScript, with its \' undone (JSON has no
// such escape); DynamoDB's N is a string in its JSON protocol.
const DYNAMODB_PUT_ITEM = `## POST /orders → DynamoDB PutItem (an AWS service integration, Action=PutItem).
## Strings go through escapeJavaScript, then its \\' is undone: JSON has no such escape.
## Numbers are sent as DynamoDB's N (a string).
#set($order = $input.path('$'))
{
  "TableName": "$stageVariables.ordersTable",
  "Item": {
    "orderId": { "S": "$context.requestId" },
    "customer": { "S": "$util.escapeJavaScript($order.customer).replaceAll("\\\\'","'")" },
    "quantity": { "N": "$order.quantity" },
    "note": { "S": "$util.escapeJavaScript($order.note).replaceAll("\\\\'","'")" }#if($order.tags && $order.tags.size() > 0),
    "tags": { "SS": [#foreach($tag in $order.tags)"$util.escapeJavaScript($tag).replaceAll("\\\\'","'")"#if($foreach.hasNext), #end#end] }
#end
  },
  "ConditionExpression": "attribute_not_exists(orderId)"
}
`;

// 3. SQS's query API takes a form: the integration maps the header Content-Type to
// 'application/x-www-form-urlencoded' and this template writes the form, every value URL-encoded.
const SQS_SEND_MESSAGE = `## POST /events → SQS SendMessage (an AWS service integration whose integration request header
## Content-Type is mapped from 'application/x-www-form-urlencoded'): a form, every value URL-encoded.
Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageAttribute.1.Name=source&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('X-Event-Source'))`;

// 4. An integration response for a Lambda (non-proxy) integration whose function threw: API Gateway's
// body is Lambda's error payload, and $.errorMessage is the JSON text the function put in its Error.
const LAMBDA_ERROR = `## Integration response for Lambda errors (selection pattern .*"code".*): the function threw an
## Error whose message is JSON, which API Gateway passes as the string $.errorMessage.
#set($error = $util.parseJson($input.path('$.errorMessage')))
#if($error.code == "NotFound")
#set($context.responseOverride.status = 404)
#elseif($error.code == "Invalid")
#set($context.responseOverride.status = 400)
#else
#set($context.responseOverride.status = 500)
#end
{
  "error": "$util.escapeJavaScript($error.code).replaceAll("\\\\'","'")",
  "message": "$util.escapeJavaScript($error.message).replaceAll("\\\\'","'")",
  "requestId": "$context.requestId"
}
`;

// 5. An integration response that picks the status and a header from the backend's body: overrides are
// applied after the template, over the integration response's own status and header mappings.
const RESPONSE_OVERRIDE = `## Integration response: a created item answers 201 with its Location, whatever the
## method response's default status; anything else passes through, marked not cacheable.
#set($body = $input.path('$'))
#if("$!body.id" != "")
#set($context.responseOverride.status = 201)
#set($context.responseOverride.header.Location = "https://$context.domainName/$context.stage/items/$body.id")
#else
#set($context.responseOverride.header.Cache-Control = "no-store")
#end
$input.json('$')
`;

export const PRESETS: readonly Preset[] = [
  {
    id: 'method-request-passthrough',
    title: 'Method request passthrough',
    description:
      "The console's generated passthrough template: the body, every parameter, the stage variables and $context as one JSON document. $input.params() is HashMaps, so the groups come out as path, querystring, header, and the headers not in the order they were sent.",
    kind: 'request',
    template: METHOD_REQUEST_PASSTHROUGH,
    input: {
      body: '{"name": "Ada", "languages": ["en", "fr"]}',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc "quoted"' },
      query: { verbose: 'true' },
      path: { id: '42' },
      stageVariables: { env: 'prod' },
      context: {
        httpMethod: 'POST',
        resourcePath: '/users/{id}',
        stage: 'prod',
        requestId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      },
    },
  },
  {
    id: 'dynamodb-put-item',
    title: 'DynamoDB PutItem',
    description: 'An AWS service integration writing an item: the table from a stage variable, the id from $context.requestId, strings escaped for JSON, an optional string set.',
    kind: 'request',
    template: DYNAMODB_PUT_ITEM,
    input: {
      body: '{"customer": "O\'Brien \\"Bob\\"", "quantity": 3, "note": "ring twice\\nthen wait", "tags": ["gift", "express"]}',
      headers: { 'Content-Type': 'application/json' },
      stageVariables: { ordersTable: 'Orders-prod' },
      context: { httpMethod: 'POST', resourcePath: '/orders', requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
    },
  },
  {
    id: 'sqs-send-message',
    title: 'SQS SendMessage (form body)',
    description: "An AWS service integration to SQS: the request body sent as a form-encoded MessageBody, with a message attribute from a header. $util.urlEncode encodes like a Java form: a space is '+'.",
    kind: 'request',
    template: SQS_SEND_MESSAGE,
    input: {
      body: '{"event": "signup", "email": "ada+test@example.com"}',
      headers: { 'Content-Type': 'application/json', 'X-Event-Source': 'web app' },
      context: { httpMethod: 'POST', resourcePath: '/events' },
    },
  },
  {
    id: 'lambda-error-response',
    title: 'Lambda error response',
    description: 'An integration response reading the JSON a Lambda function put in its error message with $util.parseJson, choosing the status with $context.responseOverride.status.',
    kind: 'response',
    template: LAMBDA_ERROR,
    input: {
      body: JSON.stringify({
        errorMessage: JSON.stringify({ code: 'NotFound', message: 'Order "o-17" wasn\'t found' }),
        errorType: 'Error',
        stackTrace: ['Error: {"code":"NotFound"...}', '    at Runtime.handler (/var/task/index.js:12:11)'],
      }),
      path: { orderId: 'o-17' },
      context: { httpMethod: 'GET', resourcePath: '/orders/{orderId}', requestId: '5b7a2f3e-0d0e-4e8b-9c1a-0123456789ab' },
    },
  },
  {
    id: 'response-override',
    title: 'responseOverride: 201 with Location',
    description: 'An integration response that overrides the status and sets a header with $context.responseOverride, depending on the body; API Gateway applies them after the template.',
    kind: 'response',
    template: RESPONSE_OVERRIDE,
    input: {
      body: '{"id": "itm-7f3a9c", "name": "Desk lamp"}',
      context: { httpMethod: 'POST', resourcePath: '/items', stage: 'prod', domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com' },
    },
  },
];
