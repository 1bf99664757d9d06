/** What image checks see. (The image-checks work defines it fully; see src/checks/README.md.) */
export interface ImageCheckInput {
  reference: string;
}
