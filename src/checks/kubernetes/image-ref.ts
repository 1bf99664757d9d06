/** Image references in manifests: the shared lenient split (no registry lookups). */
export { splitImageRef as parseImageRef } from '../../shared/image-ref.js';
