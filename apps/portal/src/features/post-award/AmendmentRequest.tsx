import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { currencyExponent } from '../../lib/format';
import { fieldProblems } from '../../lib/problems';
import { parseAmount } from '../ngo/application-form';
import { type AmendmentForm, amendmentPayload, EMPTY_AMENDMENT } from './amendment-form';
import { type PostAwardView, requestGrantAmendmentMutation, usePostAwardChanged } from './post-award-api';
import { useDeviceDraft } from './use-device-draft';

const FIELDS = ['kind', 'reason', 'endDate', 'moves', 'amount', 'line'] as const;

/**
 * The grantee's request for an amendment: a no-cost extension (the new end date), a budget revision (moves
 * between the lines) or a cost extension (money added to a line). What is typed is kept in this browser until
 * the request is sent.
 */
export function AmendmentRequest({ pa, owner }: { pa: PostAwardView; owner: string }) {
  const { t } = useTranslation();
  const exponent = currencyExponent(pa.currency);
  const draft = useDeviceDraft<AmendmentForm>(`amendment:${pa.grantId}`, owner, EMPTY_AMENDMENT);
  const f = draft.value;
  const set = (patch: Partial<AmendmentForm>) => draft.change({ ...f, ...patch });
  const changed = usePostAwardChanged();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const request = useMutation({
    ...requestGrantAmendmentMutation(),
    onSuccess: () => {
      void draft.forget();
      setSent(true);
      changed();
      requestAnimationFrame(() => document.getElementById('amendment-sent')?.focus());
    },
  });
  const server = request.error ? fieldProblems(request.error, FIELDS) : {};
  const message = (field: string) =>
    errors[field] ? t(errors[field]) : server[field] ? t('problems.field') : undefined;
  const lineOptions = pa.budget.map((l) => ({ value: String(l.n), label: `${l.n}. ${l.label}` }));

  function send(event: FormEvent) {
    event.preventDefault();
    const { body, errors: found } = amendmentPayload(f, (text) => parseAmount(text, exponent));
    setErrors(found);
    setSent(false);
    const first = Object.keys(found)[0];
    if (first || !body) {
      requestAnimationFrame(() => document.getElementById(`am-${first}`)?.focus());
      return;
    }
    request.mutate({ path: { id: pa.grantId }, body });
  }

  return (
    <form onSubmit={send} noValidate aria-labelledby="am-title">
      <Fieldset legend={<span id="am-title">{t('postAward.amendments.requestTitle')}</span>}>
        <Stack gap="sm">
          {request.error && <ProblemAlert error={request.error} fields={FIELDS} />}
          {sent && (
            <Text id="amendment-sent" tabIndex={-1} role="status" c="teal.9" fw={600}>
              {t('postAward.amendments.sent')}
            </Text>
          )}
          <NativeSelect
            id="am-kind"
            label={t('postAward.amendments.kindLabel')}
            value={f.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as AmendmentForm['kind'] })}
            data={(['no_cost_extension', 'budget_revision', 'cost_extension'] as const).map((k) => ({
              value: k,
              label: t(`postAward.amendments.kind.${k}`),
            }))}
          />
          {f.kind === 'no_cost_extension' && (
            <TextInput
              id="am-endDate"
              type="date"
              required
              label={t('postAward.amendments.endDate')}
              value={f.endDate}
              onChange={(e) => set({ endDate: e.currentTarget.value })}
              error={message('endDate')}
            />
          )}
          {f.kind === 'budget_revision' && (
            <Stack gap="xs">
              <Text size="sm">{t('postAward.amendments.movesHint')}</Text>
              {f.moves.map((m, i) => (
                <Group key={i} gap="xs" align="end" wrap="wrap">
                  <NativeSelect
                    id={i === 0 ? 'am-moves' : undefined}
                    label={t('postAward.amendments.fromLine')}
                    value={m.from}
                    onChange={(e) =>
                      set({
                        moves: f.moves.map((x, j) => (j === i ? { ...x, from: e.currentTarget.value } : x)),
                      })
                    }
                    data={lineOptions}
                  />
                  <NativeSelect
                    label={t('postAward.amendments.toLine')}
                    value={m.to}
                    onChange={(e) =>
                      set({
                        moves: f.moves.map((x, j) => (j === i ? { ...x, to: e.currentTarget.value } : x)),
                      })
                    }
                    data={lineOptions}
                  />
                  <TextInput
                    label={t('postAward.amendments.moveAmount', { currency: pa.currency })}
                    inputMode="decimal"
                    value={m.amount}
                    onChange={(e) =>
                      set({
                        moves: f.moves.map((x, j) => (j === i ? { ...x, amount: e.currentTarget.value } : x)),
                      })
                    }
                  />
                  {f.moves.length > 1 && (
                    <ActionIcon
                      variant="outline"
                      color="red.9"
                      size="lg"
                      aria-label={t('postAward.amendments.removeMove', { n: i + 1 })}
                      onClick={() => set({ moves: f.moves.filter((_, j) => j !== i) })}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {message('moves') && (
                <Text size="sm" c="red.9" role="alert">
                  {message('moves')}
                </Text>
              )}
              <Group>
                <Button
                  variant="outline"
                  size="xs"
                  onClick={() => set({ moves: [...f.moves, { from: '1', to: '2', amount: '' }] })}
                >
                  {t('postAward.amendments.addMove')}
                </Button>
              </Group>
            </Stack>
          )}
          {f.kind === 'cost_extension' && (
            <Group gap="xs" align="start" wrap="wrap">
              <TextInput
                id="am-amount"
                required
                inputMode="decimal"
                label={t('postAward.amendments.amount', { currency: pa.currency })}
                value={f.amount}
                onChange={(e) => set({ amount: e.currentTarget.value })}
                error={message('amount')}
              />
              <NativeSelect
                id="am-line"
                label={t('postAward.amendments.line')}
                value={f.line}
                onChange={(e) => set({ line: e.currentTarget.value })}
                data={lineOptions}
              />
            </Group>
          )}
          <Textarea
            id="am-reason"
            required
            autosize
            minRows={3}
            label={t('postAward.reason')}
            description={t('postAward.amendments.reasonHint')}
            value={f.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={message('reason')}
          />
          <Group justify="space-between">
            <SaveStatus state={draft.state === 'device' || draft.state === 'pending' ? 'device' : 'idle'} />
            <Button type="submit" loading={request.isPending}>
              {t('postAward.amendments.send')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
