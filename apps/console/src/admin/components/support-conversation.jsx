import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, H5, Input, Label, Link, Text, TextArea } from '@adminjs/design-system';

// One support conversation: its messages, a reply (mailed by the server to the account's owners
// and the customers who wrote, or to the contact address) and "attach to an account".
// Loading it is what the audit trail records as a reading (the `load` query).
const api = new ApiClient();

const AUTHORS = { customer: 'Customer', support: 'Support', unknown: 'From e-mail' };

const SupportConversation = ({ resource, action, record }) => {
  const [conversation, setConversation] = useState(null);
  const [notice, setNotice] = useState(null);
  const [reply, setReply] = useState('');
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState(null);
  const [reason, setReason] = useState('');
  const target = { resourceId: resource.id, recordId: record.id, actionName: action.name };

  const load = useCallback(() => api.recordAction({ ...target, params: { load: '1' } })
    .then((response) => setConversation(response.data.conversation))
    .catch((error) => setNotice({ type: 'error', message: `Could not load the conversation: ${error.message}` })), [record.id]);
  useEffect(() => { load(); }, [load]);

  const send = async (data) => {
    try {
      const response = await api.recordAction({ ...target, data });
      setNotice(response.data.notice);
      if (response.data.notice?.type === 'success') {
        if (data.op === 'reply') setReply('');
        if (data.op === 'attach') setMatches(null);
        await load();
      }
    } catch (error) {
      setNotice({ type: 'error', message: error.message });
    }
  };

  const find = async () => {
    try {
      const response = await api.recordAction({ ...target, params: { accounts: search } });
      const found = response.data.search;
      if (found.ok) {
        setMatches(found.matches);
        setNotice(null);
      } else {
        setMatches(null);
        setNotice({ type: 'error', message: found.message });
      }
    } catch (error) {
      setNotice({ type: 'error', message: error.message });
    }
  };

  if (!conversation) {
    return <Box variant="grey">{notice ? <Text color="error" data-testid="conversation-notice">{notice.message}</Text> : <Text>Loading…</Text>}</Box>;
  }
  return (
    <Box variant="grey" data-testid="support-conversation">
      <Box variant="white">
        <H2>{conversation.subject}</H2>
        <Text data-testid="conversation-account">
          {conversation.accountId
            ? <>Account: <Link href={`${window.location.pathname.split('/resources/')[0]}/resources/accounts/records/${conversation.accountId}/show`}>{conversation.accountName ?? 'a deleted account'}</Link></>
            : 'Not attached to an account yet'}
        </Text>
        {notice ? <Text mt="lg" color={notice.type === 'error' ? 'error' : 'success'} data-testid="conversation-notice">{notice.message}</Text> : null}
        {conversation.messages.map((message) => (
          <Box key={message.id} mt="lg" data-testid="conversation-message">
            <H5>{AUTHORS[message.author.kind]} · {new Date(message.createdAt).toLocaleString()}</H5>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{message.body}</Text>
          </Box>
        ))}
        <Box mt="xl">
          <Label htmlFor="reply-body">Reply</Label>
          <TextArea id="reply-body" name="body" width={1} rows={5} value={reply} onChange={(event) => setReply(event.target.value)} />
          <Button mt="default" variant="contained" onClick={() => send({ op: 'reply', body: reply })}>Send reply</Button>
        </Box>
        <Box mt="xl">
          <Label htmlFor="attach-search">Attach to an account: find it by name, an address, a domain or its id</Label>
          <Input id="attach-search" name="search" width={1} value={search} onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => { if (event.key === 'Enter') find(); }} />
          <Button mt="default" onClick={find}>Find</Button>
          {matches && matches.length === 0 ? <Text mt="default" data-testid="account-matches">No account matches.</Text> : null}
          {matches && matches.length > 0 ? (
            <Box mt="default" data-testid="account-matches">
              <Label htmlFor="attach-reason">Reason (optional)</Label>
              <Input id="attach-reason" name="reason" width={1} value={reason} onChange={(event) => setReason(event.target.value)} />
              {matches.map((match) => (
                <Box key={match.id} mt="default" flex flexDirection="row" alignItems="center">
                  <Button size="sm" mr="default" onClick={() => send({ op: 'attach', accountId: match.id, reason })}>Attach</Button>
                  <Text data-testid="account-match">{match.name}{match.ownerEmail ? ` · owner ${match.ownerEmail}` : ''}</Text>
                </Box>
              ))}
            </Box>
          ) : null}
        </Box>
      </Box>
    </Box>
  );
};

export default SupportConversation;
