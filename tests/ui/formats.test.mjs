// The UI writes numbers, dates and times by hand (ui/js/i18n.js) instead of
// with Intl, which would load ICU's data into the desktop app's web view.
// Here the browser's own Intl formatters are the oracle: for many values,
// in Danish and in English, the hand-written text must be the same.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('numbers, dates and times read as Intl writes them, in Danish and in English', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/sog', async (page) => {
    const mismatches = await page.evaluate(async () => {
      const i18n = await import('/js/i18n.js');
      const numbers = [0, 7, 999, 1000, 12345, 999999, 1234567, 3000000000, -1234];
      const decimals = [[0.04, 1], [1.05, 1], [12.34, 1], [1023.9, 0], [1234.56, 1], [98765.44, 1], [-12.5, 1]];
      const dates = [];
      for (let month = 1; month <= 12; month += 1) dates.push(`2026-${String(month).padStart(2, '0')}-${String(month * 2).padStart(2, '0')}`);
      dates.push('1999-12-31', '2024-02-29');
      const moments = ['2026-11-30T02:07:29Z', '2026-02-01T09:05:00Z', '2026-07-15T23:59:59Z', '2025-12-31T23:30:00Z', '2026-03-29T01:30:00Z'];
      const out = [];
      const expectEqual = (what, got, want) => { if (got !== want) out.push(`${what}: ${got} ≠ ${want}`); };
      const before = i18n.lang();
      for (const [lang, locale] of [['da', 'da-DK'], ['en', 'en-GB']]) {
        await i18n.setLang(lang);
        for (const n of numbers) expectEqual(`${lang} ${n}`, i18n.formatNumber(n), n.toLocaleString(locale));
        for (const [n, digits] of decimals) {
          expectEqual(`${lang} ${n}/${digits}`, i18n.formatDecimal(n, digits), n.toLocaleString(locale, { maximumFractionDigits: digits }));
        }
        for (const iso of dates) {
          const [y, m, d] = iso.split('-').map(Number);
          expectEqual(`${lang} ${iso}`, i18n.formatDate(iso),
            new Date(y, m - 1, d).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' }));
        }
        for (const iso of moments) {
          const moment = new Date(iso);
          const day = moment.toLocaleDateString(locale, { day: 'numeric', month: 'numeric', year: 'numeric' });
          const time = moment.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
          expectEqual(`${lang} ${iso}`, i18n.formatDateTime(iso), lang === 'da' ? `${day} kl. ${time}` : `${day}, ${time}`);
        }
        // What is not a date is shown as it came, not as a made-up day.
        expectEqual(`${lang} not a date`, i18n.formatDate('2026-13-45'), '2026-13-45');
        expectEqual(`${lang} empty`, i18n.formatDate(''), '');
      }
      await i18n.setLang(before);
      return out;
    });
    assert.deepEqual(mismatches, []);
  });
});
