/** K8S-010: hostPort. */
import type { Check, CheckHit } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { eachContainer, getIn, hitAt } from './workload.js';

/** hostPort binds the node's own interfaces and pins the pod to nodes where the port is free. */
export const hostPortCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-010',
    slug: 'host-port',
    target: 'kubernetes',
    title: 'Container binds a hostPort',
    severity: 'MEDIUM',
    rationale: 'A hostPort exposes the container on every address of the node, outside Services and often outside NetworkPolicy, and limits scheduling.',
    remediation: 'Remove `hostPort`; expose the container through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
    references: { cis: '5.8', trivy: 'KSV024', polaris: 'hostPortSet', pss: 'baseline: Host Ports', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'hostPort 80', input: podWith('ports:\n  - containerPort: 8080\n    hostPort: 80') }],
      good: [{ description: 'containerPort only', input: podWith('ports:\n  - containerPort: 8080') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      const ports = c.spec.ports;
      if (!Array.isArray(ports)) return undefined;
      const hits: CheckHit[] = [];
      for (const [i, p] of ports.entries()) {
        const hp = getIn(p, ['hostPort']);
        if (hp !== undefined && hp !== null && hp !== 0) hits.push(hitAt(input, o, `container ${c.name} binds hostPort ${String(hp)}`, [...c.path, 'ports', i, 'hostPort'], c));
      }
      return hits;
    });
  },
};
