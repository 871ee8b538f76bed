import type { ReactNode } from "react";
import { ExplorerHeader, ExplorerListCard, InvalidRangeAlert } from "./explorer-list";
import { FilterTextInput } from "./filter-text-input";
import { PageControls } from "./page-controls";
import type { useGroupListQuery } from "./use-group-list-state";

interface GroupListPage<Row> {
  rows: Row[];
  page: number;
  totalPages: number;
  totalItems: number;
}

interface GroupListExplorerProps<Row> {
  /** Plural heading, e.g. `Sessions`. */
  title: string;
  description: string;
  searchLabel: string;
  /** Singular noun of a row, e.g. `session`, pluralised by count in the page controls. */
  noun: string;
  list: ReturnType<typeof useGroupListQuery>;
  query: { isPending: boolean; error: { message: string } | null; data?: GroupListPage<Row> };
  /** Shown when the range has no rows. */
  empty: ReactNode;
  renderTable: (rows: Row[]) => ReactNode;
}

/** Renders a session or user list page: range, id search, the table and its pages. */
export function GroupListExplorer<Row>(props: GroupListExplorerProps<Row>) {
  const { list, query } = props;
  const data = query.data;

  return (
    <div className="flex flex-col gap-3">
      <ExplorerHeader
        title={props.title}
        description={props.description}
        range={list.range}
        timeZone={list.timeZone}
        onRangeChange={list.setRange}
      />
      <FilterTextInput
        label={props.searchLabel}
        value={list.state.search}
        onCommit={(search) => list.setState({ search })}
        className="w-72"
      />
      <InvalidRangeAlert isInvalid={list.isInvalid} />
      <ExplorerListCard
        itemsTitle={props.title}
        isPending={query.isPending}
        error={query.error}
        isEmpty={data?.rows.length === 0}
        skeletonRows={8}
        empty={props.empty}
        renderTable={() => props.renderTable(data?.rows ?? [])}
      />
      {data ? (
        <PageControls
          page={data.page}
          totalPages={data.totalPages}
          totalItems={data.totalItems}
          noun={props.noun}
          onPage={(page) => list.setState({ page })}
        />
      ) : null}
    </div>
  );
}
