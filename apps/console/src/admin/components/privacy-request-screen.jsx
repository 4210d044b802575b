import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import {
  Box, Button, H2, H5, Input, Label, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text,
} from '@adminjs/design-system';

// The privacy-request screen (the resource's `show`): the request, its events, its workflow's live
// state, and a form per action. Everything goes through the hidden `act` record action
// (privacy-request-actions.ts), which calls the API's staff actions and answers the screen again.
const api = new ApiClient();
const REFRESH_MS = 1500;

/** A time as the agent reads it, in their browser's time zone. */
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

/** An event's details in words: times readable, ids of staff and rows left out (the audit trail has them). */
function eventDetails(details) {
  return Object.entries(details ?? {})
    .filter(([key]) => !/Id$/.test(key))
    .map(([key, value]) => {
      const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? when(value) : String(value);
      return `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${text}`;
    })
    .join(' · ');
}

function liveLabel(screen) {
  const live = screen.live;
  if (!live) return `Live state unavailable: ${screen.liveUnavailable}`;
  if (live.phase === 'starting') return 'Starting';
  if (live.phase === 'awaiting_verification') return `Waiting for identity verification until ${when(live.until)}`;
  if (live.phase === 'awaiting_fields') {
    const next = live.deadline ? `; next ${live.deadline.kind} at ${when(live.deadline.at)}` : '';
    return `Waiting for the fields to rectify (due ${when(live.dueAt)})${next}`;
  }
  if (live.phase === 'executing') return 'Executing';
  return `Finished: ${live.outcome}`;
}

function ActionForm({ name, title, help, submit, fields, busy, problems, onSubmit }) {
  const [values, setValues] = useState({});
  const mine = problems.filter((p) => p.form === name);
  const send = (event) => {
    event.preventDefault();
    onSubmit(name, values);
  };
  return (
    <Box as="form" onSubmit={send} mt="lg" p="lg" border="default" data-testid={`form-${name}`}>
      <H5>{title}</H5>
      <Text mb="default" color="grey60">{help}</Text>
      {fields.map((field) => (
        <Box key={field} mb="default">
          <Label htmlFor={`${name}-${field}`}>{field}</Label>
          <Input id={`${name}-${field}`} name={field} width={1} value={values[field] ?? ''}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
        </Box>
      ))}
      {mine.map((p) => <Text key={p.field} color="error" data-testid="form-problem">{p.message}</Text>)}
      <Button type="submit" variant="contained" disabled={busy} mt="default">{submit}</Button>
    </Box>
  );
}

const PrivacyRequestScreen = ({ record, resource }) => {
  const [screen, setScreen] = useState(null);
  const [problems, setProblems] = useState([]);
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);
  const target = { resourceId: resource.id, recordId: record.id, actionName: 'act' };
  const rootPath = window.location.pathname.split('/resources/')[0];

  const load = useCallback(() => api.recordAction(target).then((response) => setScreen(response.data.screen)), [record.id]);
  useEffect(() => { load(); }, [load]);
  // While the request is open (or its workflow still finishing), follow what the workflow does.
  useEffect(() => {
    if (!screen || (screen.completedAt && screen.live?.phase !== 'executing')) return undefined;
    const timer = setTimeout(load, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [screen, load]);

  const submit = async (form, values) => {
    setBusy(true);
    try {
      const response = await api.recordAction({ ...target, data: { operation: form, ...values } });
      const body = response.data;
      setScreen(body.screen);
      setProblems((body.problems ?? []).map((p) => ({ ...p, form })));
      // Kept with the status it was about: once the workflow moves on, it no longer applies.
      setNotice(body.notice ? { ...body.notice, status: body.screen.status } : null);
    } catch (error) {
      setNotice({ type: 'error', message: error.response?.status === 403 ? 'Your role may not do this.' : error.message });
    } finally {
      setBusy(false);
    }
  };

  if (!screen) return <Box variant="grey"><Text>Loading…</Text></Box>;
  const current = notice && (notice.type === 'error' || notice.status === screen.status) ? notice : null;
  const form = { busy, problems, onSubmit: submit };
  return (
    <Box variant="grey" data-testid="privacy-request-screen">
      <Box variant="white">
        <H2>Privacy request {screen.id.slice(0, 8)}</H2>
        <Text data-testid="request-status">{screen.type} · <strong>{screen.status}</strong> · requested by {screen.requester} ({screen.subjectKind})</Text>
        <Text>Filed {when(screen.createdAt)}{screen.dueAt ? ` · due ${when(screen.dueAt)}` : ''}{screen.overdue ? ' · OVERDUE' : ''}{screen.extendedAt ? ' · extended' : ''}</Text>
        {screen.message ? <Text mt="default">Message: {screen.message}</Text> : null}
        <Box mt="lg" p="default" bg="grey20">
          <Text data-testid="live-state">{liveLabel(screen)}</Text>
        </Box>
        {current ? <MessageBox mt="lg" variant={current.type === 'error' ? 'danger' : 'success'} message={current.message} data-testid="notice" /> : null}
        {screen.hasCertificate ? (
          <Box mt="lg">
            <Link href={`${rootPath}/api/resources/privacy_requests/records/${screen.id}/certificate`} download data-testid="download-certificate">
              Download the certificate (.jws)
            </Link>
          </Box>
        ) : null}
        {screen.can.verify ? <ActionForm name="verify" title="Verify identity" help="How you verified who asked (kept in the audit trail)." submit="Verify" fields={['reason']} {...form} /> : null}
        {screen.can.rectify ? <ActionForm name="rectify" title="Execute: give the fields to rectify" help="Leave a field empty to keep it." submit="Execute" fields={screen.rectifiableFields} {...form} /> : null}
        {screen.can.extend ? <ActionForm name="extend" title="Extend once" help="Why more time is needed (mailed to the requester)." submit="Extend" fields={['reason']} {...form} /> : null}
        {screen.can.reject ? <ActionForm name="reject" title="Reject" help="Why the request is rejected (mailed to the requester)." submit="Reject" fields={['reason']} {...form} /> : null}
        <H5 mt="xl">Events</H5>
        <Table data-testid="request-events">
          <TableHead><TableRow><TableCell>When</TableCell><TableCell>What</TableCell><TableCell>Details</TableCell></TableRow></TableHead>
          <TableBody>
            {screen.events.map((event, i) => (
              <TableRow key={i}><TableCell>{when(event.occurredAt)}</TableCell><TableCell>{event.kind.replace(/_/g, ' ')}</TableCell><TableCell>{eventDetails(event.details)}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};

export default PrivacyRequestScreen;
