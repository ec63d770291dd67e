/** Placeholder: the authorizer result cache (see authorizers/). */
export class AuthorizerCache {}
