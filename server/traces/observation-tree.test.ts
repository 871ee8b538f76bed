import { describe, expect, it } from "vitest";
import { orderObservationTree, type TreeNodeInput } from "./observation-tree";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

function node(id: string, parent: string | null, startSecond: number): TreeNodeInput {
  return { id, parentObservationId: parent, startTime: at(startSecond) };
}

function describeRows(rows: ReturnType<typeof orderObservationTree>) {
  return rows.map((row) =>
    row.kind === "observation"
      ? `${row.depth}:${row.observation.id}`
      : `${row.depth}:missing(${row.parentObservationId})`,
  );
}

describe("orderObservationTree", () => {
  it("orders children depth-first by start time", () => {
    const rows = orderObservationTree([
      node("b", "root", 2),
      node("root", null, 0),
      node("a", "root", 1),
      node("a1", "a", 3),
    ]);
    expect(describeRows(rows)).toEqual(["0:root", "1:a", "2:a1", "1:b"]);
  });

  it("handles a 5000-deep chain without recursion", () => {
    const nodes = [node("n0", null, 0)];
    for (let i = 1; i < 5000; i++) nodes.push(node(`n${i}`, `n${i - 1}`, i));
    const rows = orderObservationTree(nodes);
    expect(rows).toHaveLength(5000);
    expect(rows.at(-1)).toMatchObject({ depth: 4999, observation: { id: "n4999" } });
  });

  it("nests missing parents under a single root", () => {
    const rows = orderObservationTree([node("A", null, 0), node("C", "B", 2)]);
    expect(describeRows(rows)).toEqual(["0:A", "1:missing(B)", "2:C"]);
  });

  it("keeps missing parents at top level with several roots", () => {
    const rows = orderObservationTree([
      node("r1", null, 0),
      node("r2", null, 1),
      node("orphan", "gone", 2),
    ]);
    expect(describeRows(rows)).toEqual(["0:r1", "0:r2", "0:missing(gone)", "1:orphan"]);
  });

  it("shows an orphan without any root", () => {
    const rows = orderObservationTree([node("C", "B", 0)]);
    expect(describeRows(rows)).toEqual(["0:missing(B)", "1:C"]);
  });

  it("groups orphans of one missing parent", () => {
    const rows = orderObservationTree([node("x", "gone", 1), node("y", "gone", 0)]);
    expect(describeRows(rows)).toEqual(["0:missing(gone)", "1:y", "1:x"]);
  });

  it("keeps observations caught in a parent cycle", () => {
    const rows = orderObservationTree([
      node("root", null, 0),
      node("p", "q", 1),
      node("q", "p", 2),
    ]);
    expect(describeRows(rows)).toEqual(["0:root", "0:p", "1:q"]);
  });

  it("treats a self-parented observation as a root", () => {
    const rows = orderObservationTree([node("s", "s", 0), node("child", "s", 1)]);
    expect(describeRows(rows)).toEqual(["0:s", "1:child"]);
  });
});
