import type { WorkingCalendar } from '@thutuc/runtime';

/** A year and a bit of days: a due date further away than this is not a real one. */
const MAX_DAYS = 400;

/**
 * Working days from `today` to a due date (both `YYYY-MM-DD`, Vietnam): the working days
 * after today up to and including the due day, so 0 means "due today" and a past due date
 * gives 0 too (the lookup says "overdue" separately). What "còn N ngày làm việc" shows.
 */
export function workingDaysLeft(calendar: WorkingCalendar, today: string, due: string): number {
  let count = 0;
  for (let day = calendar.nextWorkingDay(today); day <= due && count < MAX_DAYS; day = calendar.nextWorkingDay(day)) count++;
  return count;
}
