import { GRANT_NOTICE_TEXTS, grantNoticeTemplates } from './grant-notice-texts';
import { REMINDER_TEXTS, type ReminderKey, reminderTemplates } from './reminder-texts';

describe("grant notices in the grantee's language", () => {
  const events = Object.keys(GRANT_NOTICE_TEXTS.en.events) as (keyof typeof GRANT_NOTICE_TEXTS.en.events)[];

  it.each(events)('words the %s notice in each of the six languages, naming the grant', (event) => {
    const t = grantNoticeTemplates(event);
    expect(Object.keys(t).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    for (const { subject, body } of Object.values(t)) {
      expect(subject).toContain('{title}');
      expect(subject).not.toContain('{event}');
      expect(body).toContain('{title}');
    }
    const bodies = Object.values(t).map((x) => x.body);
    expect(new Set(bodies).size).toBe(6);
  });

  it('keeps the English subjects as they were', () => {
    expect(grantNoticeTemplates('report-submitted').en.subject).toBe('Grant "{title}": report submitted');
  });
});

describe("the grants' reminders in the recipient's language", () => {
  const keys = Object.keys(REMINDER_TEXTS.en) as ReminderKey[];
  it.each(keys)('words the %s reminder in each language, naming the grant', (key) => {
    const t = reminderTemplates(key);
    expect(Object.keys(t).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    for (const { subject, body } of Object.values(t)) {
      expect(subject).toContain('{title}');
      expect(body).toContain('{title}');
      if (key !== 'offerLapsed') expect(body).toContain('{date}');
    }
    expect(new Set(Object.values(t).map((x) => x.body)).size).toBe(6);
  });
});
