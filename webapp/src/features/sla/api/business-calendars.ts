import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getGetBusinessCalendarQueryKey,
  getImportBusinessCalendarHolidaysUrl,
  getListBusinessCalendarsQueryKey,
  useCreateBusinessCalendar as useGeneratedCreate,
  useDeleteBusinessCalendar as useGeneratedDelete,
  useReplaceBusinessCalendar as useGeneratedReplace,
} from '@/api/generated/endpoints/sla/sla';
import type { HolidayImportDto, ImportBusinessCalendarHolidaysParams } from '@/api/generated/model';
import { apiFetch } from '@/lib/api-client';

/** After any change to a calendar: the list, and the calendar itself when it has an id. */
const refreshCalendars = (queryClient: QueryClient, id?: number) => {
  void queryClient.invalidateQueries({ queryKey: getListBusinessCalendarsQueryKey() });
  if (id !== undefined) void queryClient.invalidateQueries({ queryKey: getGetBusinessCalendarQueryKey(id) });
};

export const useCreateBusinessCalendar = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshCalendars(queryClient) } });
};

export const useReplaceBusinessCalendar = () => {
  const queryClient = useQueryClient();
  return useGeneratedReplace({ mutation: { onSuccess: (_, { id }) => refreshCalendars(queryClient, id) } });
};

/** A calendar an SLA policy counts time in is refused with 409, naming the policy. */
export const useDeleteBusinessCalendar = () => {
  const queryClient = useQueryClient();
  return useGeneratedDelete({ mutation: { onSuccess: () => refreshCalendars(queryClient) } });
};

type ImportVariables = { id: number; file: string; params?: ImportBusinessCalendarHolidaysParams };

/**
 * Adds the holidays of an iCalendar file. The file goes as it is (text/calendar): the generated
 * client would send it JSON-quoted, which no iCalendar parser reads.
 */
export const useImportHolidays = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, params }: ImportVariables) =>
      apiFetch<HolidayImportDto>(getImportBusinessCalendarHolidaysUrl(id, params), {
        method: 'POST',
        headers: { 'Content-Type': 'text/calendar' },
        body: file,
      }),
    onSuccess: (_, { id }) => refreshCalendars(queryClient, id),
  });
};
