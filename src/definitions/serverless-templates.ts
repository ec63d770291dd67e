/**
 * What the Serverless Framework deploys for an `integration: lambda` event that leaves things out: its
 * default request templates and its default `statusCodes`. These are data the framework writes into the
 * CloudFormation template, reproduced character for character because whitespace reaches the rendered
 * body. Read in the framework's v3/v4 sources (serverless/serverless,
 * lib/plugins/aws/package/compile/events/api-gateway/lib/method/integration.js: the request templates;
 * lib/validate.js: DEFAULT_STATUS_CODES and the passThrough default; method/index.js: the Cognito claims
 * put in place of `extraCognitoPoolClaims`), and documented at
 * https://www.serverless.com/framework/docs/providers/aws/events/apigateway ("Lambda Integration").
 */

// The shared part: a `$loop` macro printing a map as a JSON object, then the event. `extraCognitoPoolClaims`
// is the framework's own marker, replaced per method by the authorizer's claims.
const COMMON = `
  #define( $loop )
    {
    #foreach($key in $map.keySet())
        #set( $k = $util.escapeJavaScript($key) )
        #set( $v = $util.escapeJavaScript($map.get($key)).replaceAll("\\\\'", "'") )
        "$k":
          "$v"
          #if( $foreach.hasNext ) , #end
    #end
    }
  #end

  {
    "body": $body,
    "method": "$context.httpMethod",
    "principalId": "$context.authorizer.principalId",
    "stage": "$context.stage",

    "cognitoPoolClaims" : {
       extraCognitoPoolClaims
       "sub": "$context.authorizer.claims.sub"
    },

    #set( $map = $context.authorizer )
    "enhancedAuthContext": $loop,

    #set( $map = $input.params().header )
    "headers": $loop,

    #set( $map = $input.params().querystring )
    "query": $loop,

    #set( $map = $input.params().path )
    "path": $loop,

    #set( $map = $context.identity )
    "identity": $loop,

    #set( $map = $stageVariables )
    "stageVariables": $loop,

    "requestPath": "$context.resourcePath"
  }
`;

const JSON_TEMPLATE = `
    #set( $body = $input.json("$") )

    ${COMMON}
  `;

const FORM_TEMPLATE = `
    #define( $body )
      {
      #foreach( $token in $input.path('$').split('&') )
        #set( $keyVal = $token.split('=') )
        #set( $keyValSize = $keyVal.size() )
        #if( $keyValSize >= 1 )
          #set( $key = $util.escapeJavaScript($util.urlDecode($keyVal[0])) )
          #if( $keyValSize >= 2 )
            #set($val = $util.escapeJavaScript($util.urlDecode($keyVal[1])).replaceAll("\\\\'","'"))
          #else
            #set( $val = '' )
          #end
          "$key": "$val"#if($foreach.hasNext),#end
        #end
      #end
      }
    #end

    ${COMMON}
  `;

/** `"claim": "$context.authorizer.claims.claim",` for each authorizer claim (`a:b` reads `claims['a:b']` as `b`). */
function claimsText(claims: readonly string[]): string {
  if (claims.length === 0) return '';
  const fields = claims.map((claim) => {
    const colon = claim.indexOf(':');
    return colon === -1 ? `"${claim}": "$context.authorizer.claims.${claim}"` : `"${claim.slice(colon + 1)}": "$context.authorizer.claims['${claim}']"`;
  });
  return `${fields.join(',')},`;
}

/** The request templates an `integration: lambda` event gets unless it replaces them (or removes one with null). */
export function defaultLambdaRequestTemplates(claims: readonly string[] = []): Record<string, string> {
  // The framework replaces the first occurrence only (String.replace with a string), as here.
  const withClaims = (t: string) => t.replace('extraCognitoPoolClaims', claimsText(claims));
  return { 'application/json': withClaims(JSON_TEMPLATE), 'application/x-www-form-urlencoded': withClaims(FORM_TEMPLATE) };
}

/**
 * The `statusCodes` an `integration: lambda` event without `response` gets: 200 as the default, and an
 * error `[NNN]` anywhere in the Lambda error message selecting that status.
 */
export const DEFAULT_STATUS_CODES: Readonly<Record<string, { pattern: string }>> = Object.freeze({
  '200': { pattern: '' },
  '400': { pattern: '[\\s\\S]*\\[400\\][\\s\\S]*' },
  '401': { pattern: '[\\s\\S]*\\[401\\][\\s\\S]*' },
  '403': { pattern: '[\\s\\S]*\\[403\\][\\s\\S]*' },
  '404': { pattern: '[\\s\\S]*\\[404\\][\\s\\S]*' },
  '422': { pattern: '[\\s\\S]*\\[422\\][\\s\\S]*' },
  '500': { pattern: '[\\s\\S]*(Process\\s?exited\\s?before\\s?completing\\s?request|\\[500\\])[\\s\\S]*' },
  '502': { pattern: '[\\s\\S]*\\[502\\][\\s\\S]*' },
  '504': { pattern: '([\\s\\S]*\\[504\\][\\s\\S]*)|(.*Task timed out after \\d+\\.\\d+ seconds$)' },
});
