/** The match: reference label, confidence circle, band, reasons, and the decisions a person can make. */
import { Button, EmptyState, Flex, Heading, ScoreCircle, StatusTag, Text } from '@hubspot/ui-extensions';
import type { MatchDecisionRequest, MatchResult, RecordView } from '@accord/shared';
import { ActionError, formatTimestamp, type RequestState } from '@accord/hubspot-client';
import { bandVariants, bandWords } from '../wording';
import { CandidateList } from './CandidateList';
import { MatchReasons } from './MatchReasons';

interface MatchPanelProps {
  match: MatchResult;
  decision: RequestState<RecordView>;
  onDecide: (request: MatchDecisionRequest) => void;
  onRematch: () => void;
}

function isDecidedByPerson(match: MatchResult): boolean {
  return match.decidedBy === 'confirmed' || match.decidedBy === 'picked';
}

export function MatchPanel({ match, decision, onDecide, onRematch }: MatchPanelProps) {
  const busy = decision.status === 'loading';
  const { candidate } = match;
  const wrongLabel = match.kind === 'company' ? 'Wrong company' : 'Wrong person';
  const needsPerson = !isDecidedByPerson(match) && (match.band !== 'auto' || candidate === null);
  const decisionError = decision.status === 'error' ? <ActionError error={decision.error} /> : null;

  if (candidate === null && match.runnersUp.length === 0) {
    return (
      <EmptyState title="No match in Accord's reference data" layout="vertical" imageName={match.kind === 'company' ? 'companies' : 'contacts'}>
        <Text>{match.decidedBy === 'rejected' ? 'You said none of the candidates is right.' : 'Accord found no company or person that fits this record.'}</Text>
        {decisionError}
        <Button testId="rematch" disabled={busy} onClick={onRematch}>
          Match again
        </Button>
      </EmptyState>
    );
  }

  return (
    <Flex direction="column" gap="sm">
      {decisionError}
      {candidate ? (
        <Flex direction="row" gap="md" align="center">
          <ScoreCircle score={Math.round(match.confidence * 100)} />
          <Flex direction="column" gap="xs">
            <Heading>{candidate.label}</Heading>
            <Flex direction="row" gap="xs">
              <StatusTag testId="match-band" variant={bandVariants[match.band]}>
                {bandWords[match.band]}
              </StatusTag>
              {isDecidedByPerson(match) ? (
                <StatusTag testId="match-confirmed" variant="success">
                  Confirmed
                </StatusTag>
              ) : null}
            </Flex>
            <Text variant="microcopy">Matched {formatTimestamp(match.matchedAt)}</Text>
          </Flex>
        </Flex>
      ) : (
        <Text testId="no-chosen-candidate">Accord is not sure which record this is.</Text>
      )}
      {candidate ? <MatchReasons reasons={candidate.reasons} /> : null}
      {candidate && !isDecidedByPerson(match) ? (
        <Flex direction="row" gap="sm">
          <Button testId="confirm-match" variant="primary" disabled={busy} onClick={() => onDecide({ decision: 'confirm', referenceId: candidate.referenceId })}>
            Confirm match
          </Button>
          <Button testId="reject-match" variant="destructive" disabled={busy} onClick={() => onDecide({ decision: 'reject', referenceId: candidate.referenceId })}>
            {wrongLabel}
          </Button>
        </Flex>
      ) : null}
      {candidate && isDecidedByPerson(match) ? (
        <Button testId="reject-match" variant="secondary" size="xs" disabled={busy} onClick={() => onDecide({ decision: 'reject', referenceId: candidate.referenceId })}>
          {wrongLabel}
        </Button>
      ) : null}
      {needsPerson ? (
        <CandidateList candidates={match.runnersUp} busy={busy} onDecide={onDecide} />
      ) : null}
    </Flex>
  );
}
