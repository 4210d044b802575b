import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

// Operators' page: messages by status over the last 7 days (operations.ts). The full
// dashboard (workflows, charts) builds on this page.
const api = new ApiClient();

const OperationsPage = () => {
  const [data, setData] = useState(null);
  useEffect(() => {
    api.getPage({ pageName: 'operations' }).then((response) => setData(response.data));
  }, []);
  if (!data) return <Box variant="grey"><Text>Loading…</Text></Box>;
  return (
    <Box variant="grey" data-testid="operations-page">
      <Box variant="white">
        <H2>Operations</H2>
        <Text>Messages by status, last 7 days</Text>
        {data.messagesByStatus.length === 0 ? <Text mt="lg">No messages in the last 7 days.</Text> : (
          <Table>
            <TableHead><TableRow><TableCell>Status</TableCell><TableCell>Messages</TableCell></TableRow></TableHead>
            <TableBody>
              {data.messagesByStatus.map((row) => (
                <TableRow key={row.status}><TableCell>{row.status}</TableCell><TableCell>{row.count}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
};

export default OperationsPage;
