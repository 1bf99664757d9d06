/** What compose checks see. (Defined by the compose checks work; see src/checks/README.md.) */
export interface ComposeCheckInput {
  path: string;
}
