// What a web page does with the package: render templates with $util's codecs and $context ids, and
// report the results (and any error) in the document, where the test reads them.
import { compileTemplate, renderTemplate, VtlSyntaxError } from 'apigw-vtl';

function run() {
  const results = {};
  results.codecs = renderTemplate('$util.base64Encode("héllo ✓") $util.urlEncode("a b&ü") $util.base64Decode("aMOpbGxvIOKckw==")').body;
  results.context = renderTemplate('$context.requestId $context.stage', { context: { stage: 'web' } }, { requestId: () => 'req-browser' }).body;
  results.json = compileTemplate(`{"name": $input.json('$.name'), "n": $input.path('$.items').size()}`).render({ body: { name: 'Zoë', items: [1, 2, 3] } }).body;
  try {
    compileTemplate('#if($a)\nno end');
    results.syntax = 'no error';
  } catch (e) {
    results.syntax = e instanceof VtlSyntaxError ? `VtlSyntaxError ${e.line}:${e.column}` : String(e);
  }
  results.globals = typeof Buffer + ' ' + typeof process;
  return results;
}

const out = document.getElementById('out');
try {
  out.textContent = JSON.stringify(run());
} catch (e) {
  out.textContent = JSON.stringify({ error: String(e && e.stack ? e.stack : e) });
}
