/** What host checks see. (Defined by the host checks work; see src/checks/README.md.) */
export interface HostCheckInput {
  path: string;
}
