/** Options for reading Terraform definitions. */
export interface TerraformOptions {
  /**
   * The REST API to load when several `aws_api_gateway_rest_api` resources are defined: its name in the
   * configuration (`api`) or its address (`aws_api_gateway_rest_api.api`, `module.x.aws_api_gateway_rest_api.api`).
   */
  api?: string;
  /** Input variable values, taking precedence over `.tfvars` files and `default`s (as `-var` does). */
  variables?: Record<string, unknown>;
  /**
   * Reads a file that `file()` or `templatefile()` names and that is not among the files given: the path
   * (relative paths already joined to the directory of the `.tf` file) in, its text out, undefined if absent.
   */
  readFile?: (path: string) => string | undefined;
}

/** A file of a Terraform module: `.tf` configuration, `.tfvars` values, or anything `file()` reads. */
export interface TerraformFile {
  path: string;
  text: string;
}
