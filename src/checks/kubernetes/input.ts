/** What kubernetes checks see. (Defined by the kubernetes checks work; see src/checks/README.md.) */
export interface KubernetesCheckInput {
  path: string;
}
