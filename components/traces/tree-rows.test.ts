import { describe, expect, it } from "vitest";
import { computeVisibleTreeRows, type OrderedTreeRow } from "./tree-rows";

type Node = { id: string };
const obs = (id: string, depth: number): OrderedTreeRow<Node> => ({
  kind: "observation",
  depth,
  observation: { id },
});

const tree: OrderedTreeRow<Node>[] = [
  obs("root", 0),
  obs("a", 1),
  obs("a1", 2),
  obs("b", 1),
  { kind: "missing-parent", depth: 1, parentObservationId: "gone" },
  obs("orphan", 2),
];

function keys(rows: ReturnType<typeof computeVisibleTreeRows<Node>>) {
  return rows.map(
    (r) => `${r.depth}:${r.kind === "depth-limit" ? `limit(${r.hiddenCount})` : r.key}`,
  );
}

describe("computeVisibleTreeRows", () => {
  it("shows every row when nothing is collapsed", () => {
    expect(keys(computeVisibleTreeRows(tree, new Set(), null))).toEqual([
      "0:root",
      "1:a",
      "2:a1",
      "1:b",
      "1:missing:gone:4",
      "2:orphan",
    ]);
  });

  it("hides descendants of a collapsed row", () => {
    expect(keys(computeVisibleTreeRows(tree, new Set(["a"]), null))).toEqual([
      "0:root",
      "1:a",
      "1:b",
      "1:missing:gone:4",
      "2:orphan",
    ]);
  });

  it("marks rows that have children", () => {
    const rows = computeVisibleTreeRows(tree, new Set(), null);
    const flags = rows.flatMap((r) => (r.kind === "observation" ? [[r.key, r.hasChildren]] : []));
    expect(flags).toEqual([
      ["root", true],
      ["a", true],
      ["a1", false],
      ["b", false],
      ["orphan", false],
    ]);
  });

  it("shows only the focused subtree, rebased", () => {
    expect(keys(computeVisibleTreeRows(tree, new Set(), "a"))).toEqual(["0:a", "1:a1"]);
  });

  it("stops a 5000-deep chain at the depth limit", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => obs(`n${i}`, i));
    const rows = computeVisibleTreeRows(chain, new Set(), null, 30);
    expect(rows).toHaveLength(32);
    expect(rows.at(-1)).toMatchObject({
      kind: "depth-limit",
      continueFromId: "n30",
      hiddenCount: 4969,
    });
  });

  it("continues from the depth limit row", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => obs(`n${i}`, i));
    const rows = computeVisibleTreeRows(chain, new Set(), "n30", 30);
    expect(rows[0]).toMatchObject({ key: "n30", depth: 0 });
    expect(rows.at(-1)).toMatchObject({ kind: "depth-limit", continueFromId: "n60" });
  });
});
