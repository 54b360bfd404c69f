import type { ReactNode } from "react";

/**
 * A list table (`table.list`) in its horizontal scroller: a header row of column titles, then the caller's rows
 * (`<tr>`s, which keep their own cells, classes and test ids). Used by the API tokens and the webhook delivery log.
 */
export function DataTable({ testId, columns, children }: { testId: string; columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="scroll-x">
      <table className="list" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
