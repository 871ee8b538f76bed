/**
 * Visible rows of an observation tree, given collapsed nodes, an optional focused subtree and a
 * depth limit. The input is the server's depth-first order with depths, so one loop decides
 * every row and nothing recurses, whatever the depth.
 */

export type OrderedTreeRow<Node> =
  | { kind: "observation"; depth: number; observation: Node }
  | { kind: "missing-parent"; depth: number; parentObservationId: string };

export type VisibleTreeRow<Node> =
  | {
      kind: "observation";
      key: string;
      depth: number;
      observation: Node;
      hasChildren: boolean;
      isCollapsed: boolean;
    }
  | { kind: "missing-parent"; key: string; depth: number; parentObservationId: string }
  | {
      kind: "depth-limit";
      key: string;
      depth: number;
      continueFromId: string;
      hiddenCount: number;
    };

/** Levels shown below the focused row before "depth limit reached". */
export const MAX_VISIBLE_TREE_DEPTH = 20;

function rowKey<Node extends { id: string }>(row: OrderedTreeRow<Node>, index: number): string {
  return row.kind === "observation"
    ? row.observation.id
    : `missing:${row.parentObservationId}:${index}`;
}

/** For each row, the index after its last descendant, in one pass with a stack. */
function computeSubtreeEnds<Node>(rows: OrderedTreeRow<Node>[]): number[] {
  const ends = new Array<number>(rows.length).fill(rows.length);
  const open: number[] = [];
  rows.forEach((row, index) => {
    while (open.length > 0 && rows[open[open.length - 1]!]!.depth >= row.depth) {
      ends[open.pop()!] = index;
    }
    open.push(index);
  });
  return ends;
}

export function computeVisibleTreeRows<Node extends { id: string }>(
  rows: OrderedTreeRow<Node>[],
  collapsedIds: ReadonlySet<string>,
  focusId: string | null,
  maxDepth = MAX_VISIBLE_TREE_DEPTH,
): VisibleTreeRow<Node>[] {
  const subtreeEnds = computeSubtreeEnds(rows);
  let start = 0;
  let end = rows.length;
  const focusIndex = focusId
    ? rows.findIndex((r) => r.kind === "observation" && r.observation.id === focusId)
    : -1;
  if (focusIndex >= 0) {
    start = focusIndex;
    end = subtreeEnds[focusIndex]!;
  }
  const baseDepth = rows[start]?.depth ?? 0;
  const visible: VisibleTreeRow<Node>[] = [];
  let index = start;
  while (index < end) {
    const row = rows[index]!;
    const depth = row.depth - baseDepth;
    const childrenEnd = subtreeEnds[index]!;
    const hasChildren = childrenEnd > index + 1;
    if (row.kind === "missing-parent") {
      visible.push({ ...row, key: rowKey(row, index), depth });
      index += 1;
      continue;
    }
    const isCollapsed = collapsedIds.has(row.observation.id);
    visible.push({
      kind: "observation",
      key: rowKey(row, index),
      depth,
      observation: row.observation,
      hasChildren,
      isCollapsed,
    });
    if (hasChildren && !isCollapsed && depth >= maxDepth) {
      visible.push({
        kind: "depth-limit",
        key: `limit:${row.observation.id}`,
        depth: depth + 1,
        continueFromId: row.observation.id,
        hiddenCount: childrenEnd - index - 1,
      });
      index = childrenEnd;
    } else {
      index = isCollapsed ? childrenEnd : index + 1;
    }
  }
  return visible;
}
