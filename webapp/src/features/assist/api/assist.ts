import { useQueryClient } from '@tanstack/react-query';
import {
  draftReply,
  getGetAssistSummaryQueryKey,
  getGetAssistTriageQueryKey,
  summarizeTicket,
  triageTicket,
  useGetAssistStatus,
  useGetAssistSummary,
  useGetAssistTriage,
} from '@/api/generated/endpoints/assist/assist';
import type { AssistResultDto, AssistRunningDto } from '@/api/generated/model';
import { useMutation } from '@tanstack/react-query';

type Answer = AssistResultDto | AssistRunningDto;

const running = (answer: Answer): answer is AssistRunningDto => (answer as AssistRunningDto).status === 'RUNNING';

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Asks until the model has answered: the server waits a while, then answers 202 and a repeat joins
 * the same run (one model call per ticket and kind, however often this is asked).
 */
export const untilAnswered = async (ask: () => Promise<Answer>, attempts = 60): Promise<AssistResultDto> => {
  for (let attempt = 1; ; attempt++) {
    const answer = await ask();
    if (!running(answer)) return answer;
    if (attempt >= attempts) throw new Error('The model is taking too long; try again later.');
    await pause(answer.retryAfterSeconds || 2);
  }
};

/** Whether assist is configured and on (the ticket page hides it otherwise). */
export const useAssistOn = () => {
  const status = useGetAssistStatus({ query: { staleTime: 60_000 } });
  return status.data?.on === true;
};

export const useAssistSummary = (number: number, enabled: boolean) =>
  useGetAssistSummary(number, { query: { enabled, refetchInterval: 30_000 } });

export const useAssistTriage = (number: number, enabled: boolean) => useGetAssistTriage(number, { query: { enabled } });

export const useSummarize = (number: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => untilAnswered(() => summarizeTicket(number)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: getGetAssistSummaryQueryKey(number) }),
  });
};

/** A suggested reply: only returned, for the reply box; nothing is sent. */
export const useDraft = (number: number) => useMutation({ mutationFn: () => untilAnswered(() => draftReply(number)) });

export const useTriageNow = (number: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => untilAnswered(() => triageTicket(number)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: getGetAssistTriageQueryKey(number) }),
  });
};
