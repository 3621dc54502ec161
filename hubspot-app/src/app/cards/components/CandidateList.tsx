/** The runners-up for a match that needs a person: pick the right one, or say none of them is. */
import { Button, Flex, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { MatchCandidate, MatchDecisionRequest } from '@accord/shared';
import { formatPercent } from '@accord/hubspot-client';

interface CandidateListProps {
  candidates: MatchCandidate[];
  busy: boolean;
  onDecide: (request: MatchDecisionRequest) => void;
}

export function CandidateList({ candidates, busy, onDecide }: CandidateListProps) {
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'demibold' }}>Is it one of these?</Text>
      {candidates.length > 0 ? (
        <Table bordered={true}>
          <TableHead>
            <TableRow>
              <TableHeader>Candidate</TableHeader>
              <TableHeader>Confidence</TableHeader>
              <TableHeader> </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {candidates.map((candidate) => (
              <TableRow key={candidate.referenceId}>
                <TableCell>{candidate.label}</TableCell>
                <TableCell>{formatPercent(candidate.probability)}</TableCell>
                <TableCell>
                  <Button
                    testId={`pick-${candidate.referenceId}`}
                    size="xs"
                    disabled={busy}
                    onClick={() => onDecide({ decision: 'pick', referenceId: candidate.referenceId })}
                  >
                    This one
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>Accord found no other candidates.</Text>
      )}
      <Button testId="none-of-these" variant="secondary" disabled={busy} onClick={() => onDecide({ decision: 'none' })}>
        None of these
      </Button>
    </Flex>
  );
}
