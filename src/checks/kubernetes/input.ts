/** What kubernetes checks see: every object of one manifest file, with pod specs already extracted. */

/** A path inside a YAML document: map keys and sequence indexes. */
export type NodePath = (string | number)[];

/** A plain JSON-like map, as parsed from YAML. */
export type Obj = Record<string, unknown>;

/** One container of a pod spec (regular, init or ephemeral). */
export interface K8sContainer {
  name: string;
  /** "container", "initContainer" or "ephemeralContainer" */
  role: 'container' | 'initContainer' | 'ephemeralContainer';
  spec: Obj;
  /** path of the container inside the document */
  path: NodePath;
}

/** The pod template of a workload (or the Pod itself). */
export interface K8sPod {
  spec: Obj;
  specPath: NodePath;
  metadata: Obj;
  metadataPath: NodePath;
  containers: K8sContainer[];
}

/** One Kubernetes object (a document, or an item of a `kind: List`). */
export interface K8sObject {
  kind: string;
  name: string;
  namespace?: string;
  /** 1-based index of the YAML document in the file */
  doc: number;
  /** Helm `# Source:` template the object was rendered from */
  origin?: string;
  value: Obj;
  /** path of the object inside its document ([] or ["items", n]) */
  path: NodePath;
  /** the pod template, for Pods and workload kinds */
  pod?: K8sPod;
  /** 1-based line of a path inside the document (falls back to the nearest ancestor that exists) */
  line(path: NodePath): number;
}

export interface KubernetesCheckInput {
  path: string;
  objects: K8sObject[];
}
