import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, H5, Input, Label, Link, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea } from '@adminjs/design-system';

// Add, change or retire a subprocessor: the entry's fields (none to retire), the day the change
// takes effect and a reason; below, the entry's change log with the notices mailed for each.
const api = new ApiClient();

const KIND_WORDS = { added: 'Added', updated: 'Changed', retired: 'Retired' };

const ChangeLog = ({ changes }) => (changes.length === 0 ? null : (
  <Box mt="xl">
    <H5>Change log</H5>
    <Table data-testid="change-log">
      <TableHead>
        <TableRow><TableCell>Change</TableCell><TableCell>Takes effect</TableCell><TableCell>Notices mailed</TableCell></TableRow>
      </TableHead>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.id}>
            <TableCell>{KIND_WORDS[change.kind] ?? change.kind}{change.fields ? `: ${change.fields}` : ''}</TableCell>
            <TableCell>{new Date(change.effectiveAt).toLocaleDateString()}{change.pending ? ' (upcoming)' : ''}</TableCell>
            <TableCell>{change.noticesSent}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
));

const SubprocessorChange = ({ resource, action, record }) => {
  const [form, setForm] = useState(null);
  const [values, setValues] = useState({});
  const [notice, setNotice] = useState(null);
  const [problems, setProblems] = useState([]);
  const [entryId, setEntryId] = useState(null);
  const target = record
    ? { resourceId: resource.id, recordId: record.id, actionName: action.name }
    : { resourceId: resource.id, actionName: action.name };
  const call = (request) => (record ? api.recordAction({ ...target, ...request }) : api.resourceAction({ ...target, ...request }));

  const load = useCallback(() => call({ params: { load: '1' } })
    .then((response) => {
      const loaded = response.data.form;
      setForm(loaded);
      setValues({ ...Object.fromEntries(loaded.fields.map((field) => [field.name, field.value])), effectiveDate: '', reason: '' });
    })
    .catch((error) => setNotice({ type: 'error', message: `Could not load: ${error.message}` })), [record?.id]);
  useEffect(() => { load(); }, [load]);

  const submit = async () => {
    try {
      const response = await call({ data: values });
      setNotice(response.data.notice);
      setProblems(response.data.problems ?? []);
      if (response.data.notice?.type === 'success') {
        setEntryId(response.data.entryId);
        if (record) await load();
      }
    } catch (error) {
      setNotice({ type: 'error', message: error.message });
    }
  };

  const set = (name) => (event) => setValues({ ...values, [name]: event.target.value });
  const problemOf = (name) => problems.find((problem) => problem.field === name)?.message;
  const field = (name, label, input) => (
    <Box mb="lg" key={name}>
      <Label htmlFor={`field-${name}`}>{label}</Label>
      {input}
      {problemOf(name) ? <Text color="error" data-testid={`problem-${name}`}>{problemOf(name)}</Text> : null}
    </Box>
  );
  const message = notice
    ? <Text mb="lg" color={notice.type === 'error' ? 'error' : 'success'} data-testid="change-notice">{notice.message}</Text>
    : null;
  if (!form) return <Box variant="grey">{message ?? <Text>Loading…</Text>}</Box>;
  const rootPath = window.REDUX_STATE?.paths?.rootPath ?? '/admin';
  const done = entryId !== null && !record;
  return (
    <Box variant="grey" data-testid="subprocessor-change">
      <Box variant="white">
        <H2>{form.heading}</H2>
        {message}
        {done ? <Link href={`${rootPath}/resources/${resource.id}/records/${entryId}/show`} data-testid="new-entry">Open the new entry</Link> : null}
        {!form.available ? <Text>Retired: it leaves the public list on the date the change log gives, and cannot change any more.</Text> : null}
        {form.available && !done ? (
          <Box>
            {form.editable ? form.fields.map((f) => field(f.name, f.label, (
              <Input id={`field-${f.name}`} name={f.name} width={1} maxLength={f.maxLength} value={values[f.name] ?? ''} onChange={set(f.name)} />
            ))) : null}
            {field('effectiveAt', `Takes effect on (00:00 UTC; empty: ${form.defaultEffectiveDate}, after the notice period)`, (
              <Input id="field-effectiveAt" type="date" name="effectiveDate" value={values.effectiveDate} onChange={set('effectiveDate')} />
            ))}
            {field('reason', 'Reason (kept in the audit trail, not mailed)', (
              <TextArea id="field-reason" name="reason" width={1} rows={3} value={values.reason} onChange={set('reason')} />
            ))}
            <Button variant="contained" color={action.name === 'retire' ? 'danger' : 'primary'} onClick={submit}>{form.heading}</Button>
          </Box>
        ) : null}
        <ChangeLog changes={form.changes} />
      </Box>
    </Box>
  );
};

export default SubprocessorChange;
