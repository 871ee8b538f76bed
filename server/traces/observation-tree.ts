/** The fields the tree needs; any observation shape with them can be ordered. */
export interface TreeNodeInput {
  id: string;
  parentObservationId: string | null;
  startTime: Date;
}

/**
 * One row of a trace's observation tree in display order (depth-first, children by start time).
 * A `missing-parent` row stands for a parent id that no stored observation has; the observations
 * that name it follow at depth + 1.
 */
export type ObservationTreeRow<Node> =
  | { kind: "observation"; depth: number; observation: Node }
  | { kind: "missing-parent"; depth: number; parentObservationId: string };

function byStartTime(a: TreeNodeInput, b: TreeNodeInput): number {
  const byTime = a.startTime.getTime() - b.startTime.getTime();
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function groupChildren<Node extends TreeNodeInput>(nodes: Node[]): Map<string | null, Node[]> {
  const children = new Map<string | null, Node[]>();
  for (const node of nodes) {
    const parent = node.parentObservationId;
    // A self-parented node is treated like a root; a missing parent keeps its id as the key.
    const key = parent === null || parent === node.id ? null : parent;
    const list = children.get(key) ?? [];
    list.push(node);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort(byStartTime);
  return children;
}

/**
 * Orders observations as a tree without recursion, so a chain thousands of levels deep cannot
 * overflow the stack. Roots come first. Observations whose parent is missing follow under a
 * `missing-parent` row, nested under the root when the trace has exactly one root, because the
 * lost span most likely descended from it. Observations caught in a parent cycle, which no root
 * reaches, are appended as roots so that nothing is dropped.
 */
export function orderObservationTree<Node extends TreeNodeInput>(
  nodes: Node[],
): ObservationTreeRow<Node>[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = groupChildren(nodes);
  const rows: ObservationTreeRow<Node>[] = [];
  const visited = new Set<string>();

  const appendSubtree = (root: Node, depth: number) => {
    const stack: { node: Node; depth: number }[] = [{ node: root, depth }];
    while (stack.length > 0) {
      const { node, depth: nodeDepth } = stack.pop()!;
      if (visited.has(node.id)) continue;
      visited.add(node.id);
      rows.push({ kind: "observation", depth: nodeDepth, observation: node });
      const kids = children.get(node.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--)
        stack.push({ node: kids[i]!, depth: nodeDepth + 1 });
    }
  };

  const roots = children.get(null) ?? [];
  const missingParentIds = [...children.keys()].filter(
    (key): key is string => key !== null && !ids.has(key),
  );
  missingParentIds.sort((a, b) => byStartTime(children.get(a)![0]!, children.get(b)![0]!));
  const appendMissingParents = (depth: number) => {
    for (const parentId of missingParentIds) {
      rows.push({ kind: "missing-parent", depth, parentObservationId: parentId });
      for (const orphan of children.get(parentId)!) appendSubtree(orphan, depth + 1);
    }
  };

  if (roots.length === 1) {
    appendSubtree(roots[0]!, 0);
    // The root's subtree is in `rows`; insert the missing parents right after it, at depth 1.
    appendMissingParents(1);
  } else {
    for (const root of roots) appendSubtree(root, 0);
    appendMissingParents(0);
  }
  for (const node of [...nodes].sort(byStartTime)) {
    if (!visited.has(node.id)) appendSubtree(node, 0);
  }
  return rows;
}
