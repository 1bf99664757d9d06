/**
 * What compose checks see: each service's fields as plain values, with the line each value
 * (and each list item or map entry) was written on. Anchors, aliases and `<<` merge keys are
 * resolved by `parse.ts` within a node budget.
 */

/** A value with the 1-based line it was written on. */
export interface Located {
  value: unknown;
  line: number;
}

/** One field of a service: its value, and its list items or map entries with their own lines. */
export interface ComposeField extends Located {
  items?: Located[];
  entries?: (Located & { key: string })[];
}

export interface ComposeService {
  name: string;
  line: number;
  fields: Record<string, ComposeField>;
}

export interface ComposeCheckInput {
  path: string;
  services: ComposeService[];
}
