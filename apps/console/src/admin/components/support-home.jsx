import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

// The console's home (AdminJS dashboard): for support and admins, the open privacy requests,
// overdue and due soon first, with days left. Data comes from the dashboard handler (home.ts).
const api = new ApiClient();

const COLOURS = { overdue: 'error', due_soon: 'warning', on_time: 'grey80', awaiting_verification: 'grey60' };

// What a status means to the person reading the list (the API's codes stay in the data).
const STATUS_WORDS = { awaiting_verification: 'awaiting verification', verified: 'verified, in progress' };
const statusWords = (status) => STATUS_WORDS[status] ?? status.replace(/_/g, ' ');

function daysLabel(line) {
  if (line.daysLeft === null) return 'awaiting verification';
  if (line.urgency === 'overdue') return `overdue by ${Math.max(1, -line.daysLeft)} day${-line.daysLeft > 1 ? 's' : ''}`;
  return `${line.daysLeft} day${line.daysLeft === 1 ? '' : 's'} left`;
}

const SupportHome = () => {
  const [home, setHome] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.getDashboard().then((response) => setHome(response.data)).catch((e) => setError(e.message));
  }, []);
  if (error) return <Box variant="grey"><Text color="error">Could not load the home: {error}</Text></Box>;
  if (!home) return <Box variant="grey"><Text>Loading…</Text></Box>;
  return (
    <Box variant="grey" data-testid="console-home">
      <Box variant="white">
        <H2>Welcome, {home.title}</H2>
        <Text>Signed in as {home.role}.</Text>
        {home.requests === null ? (
          <Text mt="lg">Your screens are in the menu: {home.role === 'operator' ? 'Operations' : 'everything'}.</Text>
        ) : (
          <Box mt="xl">
            <H5>Open privacy requests ({home.requests.length}): overdue and due soon first</H5>
            {home.requests.length === 0 ? <Text>None open.</Text> : (
              <Table data-testid="open-privacy-requests">
                <TableHead>
                  <TableRow>
                    <TableCell>Due</TableCell><TableCell>Days left</TableCell><TableCell>Type</TableCell>
                    <TableCell>Status</TableCell><TableCell>Requester</TableCell><TableCell>Request</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {home.requests.map((line) => (
                    <TableRow key={line.id} data-testid="home-request" data-request-id={line.id} data-urgency={line.urgency}>
                      <TableCell>{line.dueAt ? line.dueAt.slice(0, 10) : '—'}</TableCell>
                      <TableCell><Text color={COLOURS[line.urgency]} data-testid="days-left">{daysLabel(line)}</Text></TableCell>
                      <TableCell>{line.type.replace(/_/g, ' ')}</TableCell>
                      <TableCell data-testid="request-status">{statusWords(line.status)}</TableCell>
                      <TableCell>{line.requester}</TableCell>
                      <TableCell><Link href={`${home.rootPath}/resources/privacy_requests/records/${line.id}/show`}>{line.id.slice(0, 8)}</Link></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
      </Box>
    </Box>
  );
};

export default SupportHome;
