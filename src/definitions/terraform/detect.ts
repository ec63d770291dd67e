/** Whether a file is a Terraform definition this reader takes, without parsing all of it. */
import { isTerraformJson } from './show-json.js';

/** A top-level HCL block, as `.tf` files start: `resource "aws_api_gateway_rest_api" "api" {`. */
const HCL_BLOCK = /^[ \t]*(resource|data|variable|locals|provider|terraform|module|output)[ \t]*("[^"\n]*"[ \t]*){0,2}\{/m;

/**
 * True for a `.tf` file (or, without a path, text that reads as HCL blocks) and for `terraform show -json`
 * output (JSON with `format_version` and `planned_values` or `values`).
 */
export function detectTerraform(text: string, path?: string): boolean {
  if (path !== undefined && /\.tf$/i.test(path)) return true;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    if (!text.includes('"format_version"')) return false;
    try {
      return isTerraformJson(JSON.parse(text));
    } catch {
      return false;
    }
  }
  if (path !== undefined && !/\.(hcl|txt)$/i.test(path) && /\.[A-Za-z]+$/.test(path)) return false;
  return HCL_BLOCK.test(text);
}
