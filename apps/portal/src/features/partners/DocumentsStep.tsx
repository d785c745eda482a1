import { Button, FileInput, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldProblems } from '../../lib/problems';
import { DocumentsTable } from './DocumentsTable';
import {
  DOCUMENT_TYPES,
  type DocumentType,
  partnerProblemKey,
  partnerProfileQueryKey,
  type ProfileView,
  uploadPartnerDocument,
} from './partners-queries';

const MAX_BYTES = 10 * 1024 * 1024;

/** Step 5: the documents by type, each with its issue and expiry dates; expired and expiring ones marked. */
export function DocumentsStep({ organizationId, profile }: { organizationId: string; profile: ProfileView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [type, setType] = useState<DocumentType | ''>('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const upload = useMutation({
    mutationFn: async () => {
      const { data } = await uploadPartnerDocument({
        path: { organizationId },
        body: { type: type as DocumentType, issuedOn, ...(expiresOn && { expiresOn }), file: file! },
        throwOnError: true,
      });
      return data;
    },
    onSuccess: () => {
      setType('');
      setIssuedOn('');
      setExpiresOn('');
      setFile(null);
      void client.invalidateQueries({ queryKey: partnerProfileQueryKey({ path: { organizationId } }) });
    },
  });
  const fields = fieldProblems(upload.error, ['type', 'issuedOn', 'expiresOn', 'file']);
  const ready = Boolean(type && issuedOn && file && !tooBig);
  return (
    <Stack gap="md">
      <Text size="sm">{t('partners.documents.intro')}</Text>
      <DocumentsTable organizationId={organizationId} documents={profile.documents} />
      <Title order={3}>{t('partners.documents.add')}</Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) upload.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              id="d-type"
              label={t('partners.documents.type')}
              required
              value={type}
              error={fields.type ? t('problems.field') : undefined}
              onChange={(e) => setType(e.currentTarget.value as DocumentType | '')}
              data={[
                { value: '', label: t('partners.fields.choose') },
                ...DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`partners.documentTypes.${d}`) })),
              ]}
            />
            <TextInput
              id="d-issuedOn"
              type="date"
              label={t('partners.documents.issuedOn')}
              required
              value={issuedOn}
              error={fields.issuedOn ? t('partners.documents.badDate') : undefined}
              onChange={(e) => setIssuedOn(e.currentTarget.value)}
            />
            <TextInput
              id="d-expiresOn"
              type="date"
              label={t('partners.documents.expiresOn')}
              description={t('partners.fields.optional')}
              value={expiresOn}
              error={fields.expiresOn ? t('partners.documents.badExpiry') : undefined}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          <FileInput
            id="d-file"
            label={t('partners.documents.file')}
            description={t('partners.documents.fileHelp')}
            required
            clearable
            accept=".pdf,.docx,.xlsx,application/pdf"
            value={file}
            error={tooBig ? t('partners.documents.tooBig') : undefined}
            onChange={(f) => {
              setFile(f);
              setTooBig(Boolean(f && f.size > MAX_BYTES));
            }}
          />
          {upload.error && (
            <ProblemAlert
              error={upload.error}
              fields={['type', 'issuedOn', 'expiresOn']}
              messageKey={partnerProblemKey(upload.error)}
            />
          )}
          <div>
            <Button type="submit" disabled={!ready} loading={upload.isPending} data-testid="upload-document">
              {t('partners.documents.upload')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
