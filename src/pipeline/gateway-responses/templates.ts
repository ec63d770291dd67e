/** Placeholder: compiled gateway response templates. */
export class GatewayTemplates {}
