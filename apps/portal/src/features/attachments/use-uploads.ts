import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DetailedError, Upload } from 'tus-js-client';
import { accessToken, refreshAccessToken } from '../../lib/auth';
import { applicationQueryKey } from '../../lib/queries';
import { checkFile, failureKey, kindOf, uploadEndpoint, type UploadItem } from './attachment-rules';

/** Chunks small enough to finish on a slow line, so a break loses little; each one is acknowledged. */
const CHUNK_BYTES = 1024 * 1024;
/** After a break, try again at once, then after 1, 3, 5 and 10 s; then the reader can retry by hand. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];

let counter = 0;

/**
 * Resumable uploads (tus) of one application's files: each file is checked before sending, sent in
 * chunks with `tus-js-client` (which resumes from the offset the server gives after a break, also after a
 * reload: it remembers the upload in localStorage), and its progress kept for the list.
 */
export function useUploads(applicationId: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const uploads = useRef(new Map<string, Upload>());
  const files = useRef(new Map<string, File>());

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }, []);

  const send = useCallback(
    (key: string) => {
      const file = files.current.get(key);
      if (!file) return;
      update(key, { status: 'sending', failure: undefined });
      const upload = new Upload(file, {
        endpoint: uploadEndpoint(applicationId),
        chunkSize: CHUNK_BYTES,
        retryDelays: RETRY_DELAYS,
        metadata: { filename: file.name, filetype: file.type },
        removeFingerprintOnSuccess: true,
        // the access token may have been refreshed since the upload began
        onBeforeRequest: (req) => {
          const token = accessToken();
          if (token) req.setHeader('Authorization', `Bearer ${token}`);
        },
        // tus-js-client's own rule (no answer, 5xx, 409, 423: try again), and a 401 once the session's
        // access token has been renewed (it lives a few minutes; a large file on a slow line takes longer)
        onShouldRetry: (error, attempt) => {
          const status = error instanceof DetailedError ? (error.originalResponse?.getStatus() ?? 0) : 0;
          if (status === 401 && attempt < 2) {
            void refreshAccessToken();
            return true;
          }
          return (!status || status >= 500 || status === 409 || status === 423) && navigator.onLine;
        },
        onProgress: (sent) => update(key, { sent }),
        onSuccess: () => {
          update(key, { status: 'done', sent: file.size });
          void queryClient.invalidateQueries({
            queryKey: applicationQueryKey({ path: { id: applicationId } }),
          });
        },
        onError: (error) => {
          const response = error instanceof DetailedError ? error.originalResponse : null;
          update(key, {
            status: 'failed',
            failure: failureKey(response ? response.getStatus() : null, response ? response.getBody() : null),
          });
        },
      });
      uploads.current.set(key, upload);
      void upload.findPreviousUploads().then((previous) => {
        if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      });
    },
    [applicationId, queryClient, update],
  );

  const add = useCallback(
    (chosen: File[]) => {
      const next: UploadItem[] = chosen.map((file) => {
        counter += 1;
        const key = `${counter}-${file.name}`;
        files.current.set(key, file);
        const refusal = checkFile(file);
        return {
          key,
          name: file.name,
          size: file.size,
          kind: kindOf(file.name),
          status: refusal ? 'refused' : 'sending',
          sent: 0,
          ...(refusal ? { refusal } : {}),
        };
      });
      setItems((all) => [...all, ...next]);
      for (const item of next) if (item.status !== 'refused') send(item.key);
    },
    [send],
  );

  const dismiss = useCallback((key: string) => {
    void uploads.current.get(key)?.abort();
    uploads.current.delete(key);
    files.current.delete(key);
    setItems((all) => all.filter((i) => i.key !== key));
  }, []);

  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const upload of running.values()) void upload.abort();
    };
  }, []);

  return { items, add, retry: send, dismiss };
}
