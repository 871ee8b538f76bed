import { formatBucketLabel, MISSING_VALUE, type BucketGranularity } from "@/lib/time/format";

interface ChartDataTableProps<Point extends { bucketStart: string }> {
  data: Point[];
  series: { key: Extract<keyof Point, string>; label: string }[];
  granularity: BucketGranularity;
  timeZone: string;
  formatValue?: (value: number) => string;
}

/**
 * A chart's values as a visually hidden table, one row per bucket labelled like the axis, so a
 * screen reader can read every value that a sighted viewer finds by hovering. Its name is
 * "<series labels> per day|hour", e.g. "Cost per day".
 */
export function ChartDataTable<Point extends { bucketStart: string }>({
  data,
  series,
  granularity,
  timeZone,
  formatValue = String,
}: ChartDataTableProps<Point>) {
  const name = `${series.map((item) => item.label).join(", ")} per ${granularity}`;
  // The wrapper is what hides it: a table grows to fit its rows whatever height it is given.
  return (
    <div className="sr-only">
      <table aria-label={name}>
        <thead>
          <tr>
            <th scope="col">{granularity === "hour" ? "Hour" : "Day"}</th>
            {series.map((item) => (
              <th key={item.key} scope="col">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((point) => (
            <tr key={point.bucketStart}>
              <th scope="row">{formatBucketLabel(point.bucketStart, granularity, timeZone)}</th>
              {series.map((item) => {
                const value = point[item.key];
                return (
                  <td key={item.key}>
                    {typeof value === "number" ? formatValue(value) : MISSING_VALUE}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
