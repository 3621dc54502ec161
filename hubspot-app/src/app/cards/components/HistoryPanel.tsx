/** What Accord wrote on this record and when, newest first, with undo for writes that still stand. */
import { Button, Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { EnrichmentSummary } from '@accord/shared';
import { formatCredits, formatTimestamp } from '@accord/hubspot-client';
import { enrichmentStateWords } from '../wording';

interface HistoryPanelProps {
  history: EnrichmentSummary[];
  undoBusy: boolean;
  onUndo: (enrichmentId: string) => void;
}

export function HistoryPanel({ history, undoBusy, onUndo }: HistoryPanelProps) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>What Accord wrote</Heading>
      {history.length === 0 ? (
        <Text testId="history-empty">Accord has not written to this record yet.</Text>
      ) : (
        <Table bordered={true} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>When</TableHeader>
              <TableHeader>Fields</TableHeader>
              <TableHeader>Credits</TableHeader>
              <TableHeader>State</TableHeader>
              <TableHeader> </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((item) => (
              <TableRow key={item.enrichmentId}>
                <TableCell>{formatTimestamp(item.at)}</TableCell>
                <TableCell>{item.writes.length > 0 ? item.writes.map((write) => write.field).join(', ') : item.error ?? '—'}</TableCell>
                <TableCell>{formatCredits(item.credits)}</TableCell>
                <TableCell>{enrichmentStateWords[item.state]}</TableCell>
                <TableCell>
                  {item.state === 'written' && item.writes.length > 0 ? (
                    <Button testId={`undo-${item.enrichmentId}`} size="xs" variant="secondary" disabled={undoBusy} onClick={() => onUndo(item.enrichmentId)}>
                      Undo
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
