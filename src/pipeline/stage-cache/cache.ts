/** Placeholder: the stage cache (see stage-cache/). */
export class StageCache {}
