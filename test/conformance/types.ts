export interface CorpusFailure {
  id: string;
  expected: unknown;
  actual: unknown;
}

export interface CorpusResult {
  corpus: string;
  passed: number;
  failed: number;
  failures: CorpusFailure[];
}
