/** Field-by-field changes: current value, new value, and whether Accord fills, overwrites or skips it and why. */
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@hubspot/ui-extensions';
import type { FieldChange } from '@accord/shared';
import { formatFieldValue } from '@accord/hubspot-client';
import { actionVariants, actionWords, changeReasonWords } from '../wording';

export function ChangeTable({ changes }: { changes: FieldChange[] }) {
  return (
    <Table bordered={true} density="condensed">
      <TableHead>
        <TableRow>
          <TableHeader>Field</TableHeader>
          <TableHeader>Current</TableHeader>
          <TableHeader>New</TableHeader>
          <TableHeader>Action</TableHeader>
          <TableHeader>Why</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.field}>
            <TableCell>{change.label ?? change.field}</TableCell>
            <TableCell>{formatFieldValue(change.current)}</TableCell>
            <TableCell>{formatFieldValue(change.proposed)}</TableCell>
            <TableCell>
              <Tag variant={actionVariants[change.action]}>{actionWords[change.action]}</Tag>
            </TableCell>
            <TableCell>{changeReasonWords[change.reason]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
