import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, CheckBox, H2, Label, Text, TextArea } from '@adminjs/design-system';

// A support action on a record that needs a reason and a confirmation ("Forget this prospect",
// "Cancel the closure"): the server says what it will do (summary) and does it on POST.
const api = new ApiClient();

const ReasonAction = ({ resource, action, record }) => {
  const [summary, setSummary] = useState(null);
  const [notice, setNotice] = useState(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState(false);
  const target = { resourceId: resource.id, recordId: record.id, actionName: action.name };

  const load = useCallback(() => api.recordAction({ ...target, params: { load: '1' } })
    .then((response) => setSummary(response.data.summary))
    .catch((error) => setNotice({ type: 'error', message: `Could not load: ${error.message}` })), [record.id]);
  useEffect(() => { load(); }, [load]);

  const submit = async () => {
    try {
      const response = await api.recordAction({ ...target, data: { reason, confirmed: confirmed ? 'yes' : 'no' } });
      setNotice(response.data.notice);
      if (response.data.notice?.type === 'success') {
        setDone(true);
        if (resource.id !== 'prospects') await load(); // a forgotten prospect has nothing left to show
      }
    } catch (error) {
      setNotice({ type: 'error', message: error.message });
    }
  };

  const message = notice
    ? <Text mt="lg" color={notice.type === 'error' ? 'error' : 'success'} data-testid="action-notice">{notice.message}</Text>
    : null;
  if (!summary) return <Box variant="grey">{message ?? <Text>Loading…</Text>}</Box>;
  return (
    <Box variant="grey" data-testid="reason-action">
      <Box variant="white">
        <H2>{summary.heading}</H2>
        {summary.lines.map((line) => <Text key={line} data-testid="action-line">{line}</Text>)}
        {message}
        {summary.available && !done ? (
          <Box mt="xl">
            <Label htmlFor="action-reason">Reason (kept in the audit trail)</Label>
            <TextArea id="action-reason" name="reason" width={1} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
            <Box mt="default">
              <CheckBox id="action-confirm" checked={confirmed} onChange={() => setConfirmed(!confirmed)} />
              <Label inline htmlFor="action-confirm" ml="default">{summary.confirm}</Label>
            </Box>
            <Button mt="default" variant="contained" color="danger" onClick={submit}>{summary.button}</Button>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

export default ReasonAction;
