/** A sample of the changes a batch would make, record by record, so an admin can judge them before approving. */
import { Accordion, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import type { BatchEstimate } from '@accord/shared';
import { formatFieldValue, formatPercent } from '@accord/hubspot-client';

const sampleRows = 10;

export function BatchSample({ sample }: { sample: BatchEstimate['sample'] }) {
  if (sample.length === 0) return null;
  return (
    <Accordion title={`Sample of changes (${Math.min(sample.length, sampleRows)} of ${sample.length})`} defaultOpen={false}>
      <Table bordered={true} density="condensed" testId="batch-sample">
        <TableHead>
          <TableRow>
            <TableHeader>Record</TableHeader>
            <TableHeader>Match</TableHeader>
            <TableHeader>Changes</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {sample.slice(0, sampleRows).map((item) => (
            <TableRow key={item.recordId}>
              <TableCell>{item.recordId}</TableCell>
              <TableCell>{`${item.band} ${formatPercent(item.confidence)}`}</TableCell>
              <TableCell>
                {item.changes
                  .filter((change) => change.action !== 'skip')
                  .map((change) => `${change.label ?? change.field}: ${formatFieldValue(change.current)} → ${formatFieldValue(change.proposed)}`)
                  .join('; ') || 'No change'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Accordion>
  );
}
