/**
 * A Terraform resource as the API builder reads it, whether it came from `.tf` files or from
 * `terraform show -json`: its address, its attribute values (unknowns already placeholders) and a
 * reader that puts errors at the attribute's line and column.
 */
import type { Reader } from '../fields.js';

export interface TfResource {
  /** `aws_api_gateway_method`. */
  type: string;
  /** `get_pet`. */
  name: string;
  /** `aws_api_gateway_method.get_pet`, or `module.api.aws_api_gateway_method.get_pet` in a child module. */
  address: string;
  values: Record<string, unknown>;
  /** Locates `[address, attribute, key…]` paths. */
  reader: Reader;
  /** Where it is written, e.g. `main.tf`. */
  file?: string;
}
