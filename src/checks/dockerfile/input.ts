/** What dockerfile checks see. (Defined by the dockerfile checks work; see src/checks/README.md.) */
export interface DockerfileCheckInput {
  path: string;
}
