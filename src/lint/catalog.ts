/**
 * Every lint rule: its id, default severity and what it is about. The docs (docs/lint.md) have an entry
 * per rule — why it is a bug and the fix — under the rule's id as heading.
 */
export const RULES = {
  'syntax-error': { severity: 'error', summary: 'the template does not parse' },
  'template-too-large': { severity: 'error', summary: "over API Gateway's 300 KB template limit" },
  'template-too-deep': { severity: 'error', summary: 'nested deeper than the compiler allows' },
  'unsupported-directive': { severity: 'warning', summary: 'a directive API Gateway does not run (#macro, #include, #parse, #evaluate)' },
  'unknown-context-variable': { severity: 'warning', summary: 'a $context variable mapping templates do not have' },
  'context-variable-unavailable': { severity: 'warning', summary: 'a $context variable this method or API type never fills' },
  'escape-javascript-in-json': { severity: 'warning', summary: "$util.escapeJavaScript output in a JSON string (\\' is not a JSON escape)" },
  'undefined-reference': { severity: 'warning', summary: 'a variable nothing sets, that is not an API Gateway variable or a loop variable' },
  'no-op-replacement': { severity: 'warning', summary: 'a replace/replaceAll that replaces text with itself' },
  'input-json-in-quotes': { severity: 'warning', summary: '$input.json inside a JSON string (double-encoded)' },
  'structured-value-printed': { severity: 'warning', summary: 'a map or list printed where JSON is expected (Java prints {k=v} / [a, b])' },
  'foreach-over-string': { severity: 'warning', summary: '#foreach over a string, which iterates nothing' },
  'unused-variable': { severity: 'warning', summary: 'a #set variable that nothing reads' },
  'loop-over-limit': { severity: 'warning', summary: "a #foreach over more than API Gateway's 1000 iterations" },
  'template-not-run': { severity: 'warning', summary: 'a template on a proxy integration, which API Gateway never runs' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'note'; summary: string }>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(name: string): name is RuleId {
  return Object.hasOwn(RULES, name);
}
