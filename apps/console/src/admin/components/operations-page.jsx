import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H3, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import TrafficChart from './traffic-chart.jsx';

// Operators' page: the summary GET /v1/staff/operations gives (libs/operations), read by the
// page's handler: workflows from Temporal's visibility, 7 days of traffic as a chart, what needs
// a look (failed and long runs, emails in `unknown`, failing mailbox syncs), retention runs.
const api = new ApiClient();
const STATUSES = ['Running', 'Completed', 'Failed', 'TimedOut', 'Terminated', 'Cancelled', 'ContinuedAsNew'];

const Section = ({ title, testId, children }) => (
  <Box variant="white" mt="lg" data-testid={testId}>
    <H3>{title}</H3>
    {children}
  </Box>
);

const Rows = ({ head, rows, empty }) => (rows.length === 0 ? <Text>{empty}</Text> : (
  <Table>
    <TableHead><TableRow>{head.map((cell) => <TableCell key={cell}>{cell}</TableCell>)}</TableRow></TableHead>
    <TableBody>
      {rows.map((cells, i) => <TableRow key={i}>{cells.map((cell, j) => <TableCell key={j}>{cell}</TableCell>)}</TableRow>)}
    </TableBody>
  </Table>
));

const runLink = (run) => (run.uiUrl ? <a href={run.uiUrl} target="_blank" rel="noreferrer">{run.workflowId}</a> : run.workflowId);
const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '—');

const OperationsPage = () => {
  const [data, setData] = useState(null);
  useEffect(() => {
    api.getPage({ pageName: 'operations' }).then((response) => setData(response.data));
  }, []);
  if (!data) return <Box variant="grey"><Text>Loading…</Text></Box>;
  const { summary } = data;
  const { workflows } = summary;
  return (
    <Box variant="grey" data-testid="operations-page">
      <Box variant="white">
        <H2>Operations</H2>
        <Text>As of {when(summary.generatedAt)} UTC</Text>
      </Box>
      <Section title="Sends, replies and bounces, last 7 days" testId="traffic">
        <TrafficChart days={summary.traffic} />
        <Text mt="default">
          Bounce rate by day: {summary.traffic.map((day) => `${day.day.slice(5)} ${day.bounceRate === null ? '—' : `${(day.bounceRate * 100).toFixed(1)} %`}`).join(' · ')}
        </Text>
      </Section>
      <Section title="Workflows by type and state" testId="workflows">
        {workflows.error ? <Text color="error">{workflows.error}</Text> : null}
        <Rows
          head={['Type', ...STATUSES]}
          rows={workflows.byType.map((row) => [row.type, ...STATUSES.map((status) => row.byStatus[status] ?? 0)])}
          empty="Temporal's visibility gave no counts."
        />
      </Section>
      <Section title="Failed or timed out, last 7 days" testId="failed-runs">
        <Rows head={['Workflow', 'Type', 'State', 'Closed']} empty="None."
          rows={workflows.failed.map((run) => [runLink(run), run.type, run.status, when(run.closeTime)])} />
      </Section>
      <Section title="Running longer than they should" testId="long-runs">
        <Rows head={['Workflow', 'Type', 'Started']} empty="None."
          rows={workflows.longRunning.map((run) => [runLink(run), run.type, when(run.startTime)])} />
      </Section>
      <Section title={`Emails in unknown state: ${summary.unknownMessages.total}`} testId="unknown-messages">
        <Rows head={['Message', 'Account', 'Mailbox', 'Claimed']} empty="None: every interrupted send was settled."
          rows={summary.unknownMessages.oldest.map((m) => [m.messageId, m.accountId, m.mailboxId, when(m.claimedAt)])} />
      </Section>
      <Section title={`Mailboxes whose sync fails: ${summary.failingMailboxes.total}`} testId="failing-mailboxes">
        <Rows head={['Mailbox', 'Account', 'Error', 'Since']} empty="None."
          rows={summary.failingMailboxes.mailboxes.map((m) => [m.mailboxId, m.accountId, m.syncError, when(m.updatedAt)])} />
      </Section>
      <Section title="Retention runs" testId="retention-runs">
        <Rows head={['Job', 'Started', 'Took', 'Did', 'Error']} empty="No run yet."
          rows={summary.retentionRuns.map((run) => [
            run.job, when(run.startedAt), `${run.durationMs} ms`,
            Object.entries(run.counts).map(([name, count]) => `${name} ${count}`).join(', ') || '—', run.error ?? '',
          ])} />
      </Section>
      <Section title="Messages by status, last 7 days" testId="messages-by-status">
        <Rows head={['Status', 'Messages']} empty="No messages in the last 7 days."
          rows={data.messagesByStatus.map((row) => [row.status, row.count])} />
      </Section>
    </Box>
  );
};

export default OperationsPage;
