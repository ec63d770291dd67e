/** `apigw-vtl render`: renders one template for one request and prints what API Gateway would. */
import { parseArgs } from 'node:util';
import { compileTemplate } from '../../template.js';
import { VtlBodyError, VtlError } from '../../vtl/errors.js';
import { definitionIn, isDefinitionFile, readText } from '../files.js';
import { paint, UsageError, type Command } from '../io.js';
import { checkRequestOptions, readRequestInput, REQUEST_OPTIONS, REQUEST_OPTIONS_USAGE } from '../request-options.js';
import { printTemplateError } from '../template-errors.js';

export const renderCommand: Command = {
  name: 'render',
  summary: 'render a template for one request',
  usage: `Usage: apigw-vtl render <template> [options]

Renders the template (a file, or - for standard input) and prints the output exactly as API Gateway
would produce it. A template error prints file:line:column and the line, and exits 1. A .json, .yaml,
.yml or .tf file is an API definition, never a template.

Options:
${REQUEST_OPTIONS_USAGE}
  --json               print { body, requestOverride, responseOverride, warnings } as JSON
  -h, --help           this text`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...REQUEST_OPTIONS, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('render takes exactly one template file (or - for standard input)');
    checkRequestOptions(values);
    const file = positionals[0]!;
    if (isDefinitionFile(file)) {
      // A definition holds many templates (and a file that is none gets the definition error, not a VTL one).
      const api = definitionIn(file, { onWarning: () => undefined });
      const count = api ? `${api.methods.length} method${api.methods.length === 1 ? '' : 's'}` : 'no methods';
      throw new UsageError(`${file} is an API definition (${count}), not a template: lint and check read every template of a definition, serve runs it`);
    }
    const source = await readText(file, io, 'the template');
    const input = await readRequestInput(values, io);

    try {
      const result = compileTemplate(source).render(input);
      if (values.json) {
        io.out(JSON.stringify({ body: result.body, requestOverride: result.requestOverride, responseOverride: result.responseOverride, warnings: result.warnings }, null, 2));
      } else {
        if (io.write) io.write(result.body);
        else io.out(result.body);
        for (const warning of result.warnings) io.err(`${paint(io, 'yellow', 'warning')}: ${warning}`);
      }
      return 0;
    } catch (e) {
      if (!(e instanceof VtlError)) throw e;
      printTemplateError(io, file === '-' ? '<stdin>' : file, source, e);
      if (e instanceof VtlBodyError) io.err(`API Gateway answers 400 ${e.awsMessage}`);
      else io.err('API Gateway answers 500 {"message": "Internal server error"}');
      return 1;
    }
  },
};
