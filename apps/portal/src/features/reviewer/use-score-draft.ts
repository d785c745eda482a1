import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { scoreAssignment } from '../../api/sdk.gen';
import type { AssignmentView, RubricCriterionDto } from '../../api/types.gen';
import { onTokenChange } from '../../lib/auth';
import { Autosaver, type SaveState, type SendResult } from '../../lib/drafts/autosave';
import { idbDraftStore } from '../../lib/drafts/idb-store';
import { formFromScores, type ScoreForm, scoresPayload } from './scoring';

const store = idbDraftStore();

/**
 * A review's scores as a draft, as NGO forms are: every change stored in this browser at once, and sent
 * to `PUT /api/assignments/:id/scores` a moment later once every criterion has a score and a comment
 * (the API takes whole rubrics only); until then it stays on this device.
 */
export function useScoreDraft(
  assignment: AssignmentView,
  rubric: RubricCriterionDto[],
  owner: string,
  locked: boolean,
) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ScoreForm | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<unknown>(null);
  const saver = useRef<Autosaver<ScoreForm> | null>(null);

  const send = useCallback(
    async (value: ScoreForm): Promise<SendResult> => {
      const body = scoresPayload(rubric, value);
      if (!body) return 'device';
      await scoreAssignment({ path: { id: assignment.id }, body, throwOnError: true });
      void queryClient.invalidateQueries({ queryKey: ['my-assignments'] });
      return { serverId: assignment.id };
    },
    [assignment.id, rubric, queryClient],
  );

  useEffect(() => {
    let alive = true;
    const server = formFromScores(rubric, assignment.scores);
    if (locked) {
      setForm(server);
      return;
    }
    const autosaver = new Autosaver<ScoreForm>({
      key: `review:${assignment.id}`,
      owner,
      store,
      send: (value) => send(value),
      onState: (next, p) => {
        setState(next);
        setProblem(next === 'rejected' ? p : null);
      },
    });
    saver.current = autosaver;
    void autosaver.load().then((stored) => {
      if (!alive) return;
      const start = stored?.unsent ? stored.value : server;
      setForm(start);
      autosaver.start(start, assignment.id, Boolean(stored?.unsent));
    });
    const flush = () => void autosaver.flush();
    window.addEventListener('online', flush);
    const offToken = onTokenChange((token) => {
      if (token) flush();
    });
    return () => {
      alive = false;
      window.removeEventListener('online', flush);
      offToken();
      autosaver.dispose();
    };
    // Set up once per assignment and account; the server's scores are read only at the start.
  }, [assignment.id, owner, locked]);

  const change = useCallback((next: ScoreForm) => {
    setForm(next);
    void saver.current?.change(next);
  }, []);
  const flush = useCallback(async () => {
    await saver.current?.stored();
    await saver.current?.flush();
  }, []);
  const forget = useCallback(async () => {
    await saver.current?.forget();
  }, []);
  return {
    form,
    state,
    problem,
    change,
    flush,
    forget,
    complete: form !== null && scoresPayload(rubric, form) !== null,
  };
}
