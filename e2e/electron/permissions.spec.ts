import { expect, test } from './launch-app.js';

test('permission requests and checks are denied', async ({ launched }) => {
  const outcome = await launched.window.evaluate(async () => {
    const media = await navigator.mediaDevices
      .getUserMedia({ audio: true })
      .then(() => 'granted')
      .catch((error: unknown) => (error instanceof Error ? error.name : 'refused'));
    const notifications = await Notification.requestPermission();
    const geolocation = (await navigator.permissions.query({ name: 'geolocation' })).state;
    return { media, notifications, geolocation };
  });
  expect(outcome.media).not.toBe('granted');
  expect(outcome.notifications).toBe('denied');
  expect(outcome.geolocation).toBe('denied');
});
