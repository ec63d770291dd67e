/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground in a real browser: headless Chromium (Debian's package; .ci/run installs it) driven by
 * puppeteer-core, against dist/playground/ served by the CLI's server. Screenshots of each pane at
 * desktop and phone widths go to test-output/playground/ (ignored by git).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplate, playgroundUrl, type RenderInput } from '../../src/browser.js';
import { servePlayground } from '../../src/cli/playground-server.js';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'dist/playground');
const shots = join(root, 'test-output/playground');
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p) && spawnSync(p, ['--version']).status === 0);
if (!chromium) console.warn('playground browser tests SKIPPED: no Chromium found (apt-get install chromium)');

const APOSTROPHE_BUG = `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`;

describe.skipIf(!chromium)('the playground in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  const requests: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    if (!existsSync(join(built, 'index.html'))) throw new Error('dist/playground is not built: run npm run build');
    mkdirSync(shots, { recursive: true });
    server = await servePlayground({ root: built, port: 0, log: () => {} });
    browser = await puppeteer.launch({
      executablePath: chromium!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(hash = '', viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage();
    pages.push(page);
    await page.setViewport(viewport);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => requests.push(`pageerror: ${(e as Error).message}`));
    await page.goto(`${server.url}${hash}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset['firstRenderMs'] !== undefined, { timeout: 15_000 });
    return page;
  }

  const link = (template: string, input: RenderInput = {}): string => playgroundUrl('', { template, input });
  const text = (page: Page, selector: string): Promise<string> => page.$eval(selector, (e) => e.textContent ?? '');

  /** Selects the whole template in the editor, deletes it and types `text`, as a user would. */
  async function typeTemplate(page: Page, text: string): Promise<void> {
    await page.click('#template .cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text);
  }

  async function waitForOutput(page: Page, expected: string): Promise<void> {
    await page.waitForFunction((want) => document.getElementById('output')?.textContent === want, { timeout: 10_000 }, expected);
  }

  it('opens a #state= link and shows exactly what the engine renders in #output', async () => {
    const template = '#set($n = $input.path(\'$.items\').size())\n{"count": $n, "first": "$input.path(\'$.items[0]\')", "stage": "$stageVariables.env", "h": "$input.params(\'X-Id\')"}';
    const input = { body: '{"items": ["a", "b", "c"]}', stageVariables: { env: 'prod' }, headers: { 'X-Id': '7' } };
    const page = await open(link(template, input));
    const expected = compileTemplate(template).render(input).body;
    await waitForOutput(page, expected);
    expect(await page.$('#error')).toBeNull();
    // Pretty-printed by default, the raw bytes one click away.
    expect(await page.$eval('#output', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await text(page, '#output-pretty')).toBe('{\n  "count": 3,\n  "first": "a",\n  "stage": "prod",\n  "h": "7"\n}');
    await page.click('#raw-toggle');
    expect(await page.$eval('#output', (e) => (e as HTMLElement).hidden)).toBe(false);
    const ms = Number(await page.evaluate(() => document.documentElement.dataset['firstRenderMs']));
    writeFileSync(join(shots, 'first-render.json'), `${JSON.stringify({ firstRenderMs: ms }, null, 2)}\n`);
    console.log(`playground: first render ${ms} ms after navigation`);
  });

  it('re-renders as you type in the editor', async () => {
    const page = await open(link('"$input.path(\'$.a\')"', { body: '{"a": "x"}' }));
    await waitForOutput(page, '"x"');
    await typeTemplate(page, 'hello $input.path(\'$.a\')!');
    await waitForOutput(page, 'hello x!');
    // And as you type in a request pane.
    await page.$eval('#body', (e) => ((e as HTMLTextAreaElement).value = ''));
    await page.type('#body', '{"a": "typed"}');
    await waitForOutput(page, 'hello typed!');
    // The URL follows, so a reload (or a shared copy of it) shows the same thing.
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('#state=');
    await page.reload({ waitUntil: 'load' });
    await waitForOutput(page, 'hello typed!');
  });

  it('shows a syntax error in #error with its line and column, a caret, and underlines it', async () => {
    const page = await open(link('{\n  "a": 1,\n  #foreach($x)\n}'));
    await page.waitForSelector('#error', { timeout: 10_000 });
    const error = await text(page, '#error');
    expect(error).toMatch(/VtlSyntaxError/);
    expect(error).toMatch(/Line 3, column 3: invalid #foreach/);
    expect(error).toContain('3 |   #foreach($x)\n  |   ^');
    expect(error).toContain('^');
    await page.waitForSelector('#template .cm-lintRange-error', { timeout: 10_000 });
    // Fixing it removes #error.
    await typeTemplate(page, 'ok');
    await waitForOutput(page, 'ok');
    expect(await page.$('#error')).toBeNull();
  });

  it('says when a render hits a limit and stays responsive', async () => {
    const page = await open(link('#foreach($i in [1..2000000])#foreach($j in [1..2000000])x#end#end'));
    await page.waitForSelector('#error', { timeout: 15_000 });
    expect(await text(page, '#error')).toMatch(/limit|loop/i);
    await typeTemplate(page, 'fine');
    await waitForOutput(page, 'fine');
  });

  it('lint findings are underlined in the editor', async () => {
    const page = await open(link('{"name": "$input.json(\'$.name\')"}', { body: '{"name": "a"}' }));
    await page.waitForSelector('#template .cm-lintRange-warning, #template .cm-lintRange-error', { timeout: 10_000 });
  });

  it('finds the apostrophe bug of escapeJavaScript inside JSON and loads the counterexample', async () => {
    const page = await open(link(APOSTROPHE_BUG, { body: '{"name": "Ada"}' }));
    await waitForOutput(page, '{"name": "Ada"}');
    await page.click('input[value="renders-valid-json"]');
    await page.click('#find');
    await page.waitForSelector('#find-result:not([hidden])', { timeout: 60_000 });
    expect(await text(page, '#find-status')).toMatch(/Found an input/);
    expect(await text(page, '#find-input')).toContain("'");
    expect(await text(page, '#find-output')).toContain("\\'");
    await page.click('#load-counterexample');
    await page.waitForFunction(() => (document.getElementById('body') as HTMLTextAreaElement).value.includes("'"), { timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('output')?.textContent?.includes("\\'"), { timeout: 10_000 });
  }, 90_000);

  it('an unreadable share link says why and opens the first preset', async () => {
    const page = await open('#state=%%%');
    expect(await text(page, '#banner')).toMatch(/could not be opened.*base64url/);
    expect(await page.$eval('#preset', (e) => (e as HTMLSelectElement).value)).not.toBe('');
  });

  it('a deeply nested $context is refused in its pane, and the page renders on', async () => {
    const page = await open(link('ok $context.stage', { context: { stage: 'a' } }));
    await waitForOutput(page, 'ok a');
    const deep = `{"stage": "b", "identity": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
    await page.$eval('#context', (e, text) => {
      (e as HTMLTextAreaElement).value = text;
      e.dispatchEvent(new Event('input'));
    }, deep);
    await page.waitForFunction(() => /nests deeper than 100/.test(document.getElementById('context-problem')?.textContent ?? ''), { timeout: 10_000 });
    await page.$eval('#context', (e) => {
      (e as HTMLTextAreaElement).value = '{"stage": "c"}';
      e.dispatchEvent(new Event('input'));
    });
    await waitForOutput(page, 'ok c');
  });

  it('every preset renders without an error', async () => {
    const page = await open();
    const ids = await page.$$eval('#preset option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) {
      await page.select('#preset', id);
      await page.waitForFunction(() => /Rendered in/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 10_000 });
      expect(await page.$('#error'), id).toBeNull();
    }
  });

  it('works by keyboard alone, labels every control, fits 360 px and keeps text contrast in both schemes', async () => {
    const page = await open('', { width: 360, height: 780 });
    const unlabelled = await page.$$eval('textarea, input, select, button, [contenteditable="true"]', (controls) =>
      controls
        .filter((c) => !(c as HTMLElement).hidden && (c as HTMLInputElement).type !== 'hidden')
        .filter((c) => {
          const labels = (c as HTMLInputElement).labels;
          return !(labels && labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby') && !(c.textContent ?? '').trim();
        })
        .map((c) => c.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Tab from the top reaches the editor, the request fields and the find button, in order.
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.includes('find'); i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement?.id || document.activeElement?.className) ?? ''));
    }
    expect(reached).toContain('find');
    expect(reached.some((r) => r.includes('cm-content'))).toBe(true);
    expect(reached.indexOf('body')).toBeGreaterThan(reached.findIndex((r) => r.includes('cm-content')));
    await page.keyboard.press('Enter'); // starts the search from the keyboard
    await page.waitForFunction(() => (document.getElementById('find-status')?.textContent ?? '') !== '', { timeout: 10_000 });

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // The page follows the system's scheme (the menu says System) when its media query changes.
      await page.waitForFunction((want) => document.documentElement.dataset['theme'] === want, { timeout: 5_000 }, scheme);
      const worst = await page.evaluate(() => {
        const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]): number => {
          const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const background = (e: Element | null): string => {
          for (; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            // Tints (the active line's 6 %) are skipped: the colour under them decides the contrast.
            if (bg && !bg.startsWith('rgba') && bg !== 'transparent') return bg;
          }
          return 'rgb(255, 255, 255)';
        };
        let min = Infinity;
        let at = '';
        for (const e of document.querySelectorAll('h1, h2, p, label, button, .help, .hint, .cm-line, .cm-gutterElement, textarea, pre')) {
          if (!(e as HTMLElement).offsetParent || !(e.textContent ?? '').trim()) continue;
          const a = lum(rgb(getComputedStyle(e).color));
          const b = lum(rgb(background(e)));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < min) [min, at] = [ratio, `${e.outerHTML.slice(0, 100)} ${getComputedStyle(e).color} on ${background(e)}`];
        }
        return { min, at, bg: getComputedStyle(document.body).backgroundColor };
      });
      expect(worst.min, `${scheme}: ${worst.at}`).toBeGreaterThanOrEqual(4.5);
      if (scheme === 'dark') expect(worst.bg).not.toBe('rgb(246, 247, 249)');
    }
  }, 60_000);

  it('writes screenshots of each pane at desktop and phone widths', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 360, height: 780 }],
    ] as const) {
      const page = await open(link(APOSTROPHE_BUG, { body: '{"name": "Ada Lovelace"}' }), viewport);
      await waitForOutput(page, '{"name": "Ada Lovelace"}');
      await page.click('#find');
      await page.waitForSelector('#find-result:not([hidden])', { timeout: 60_000 });
      await page.screenshot({ path: join(shots, `${name}-page.png`), fullPage: true });
      for (const pane of ['template', 'request', 'result', 'find']) {
        const element = await page.$(`.${pane}-pane`);
        await element!.screenshot({ path: join(shots, `${name}-${pane}.png`) });
      }
      expect(existsSync(join(shots, `${name}-result.png`))).toBe(true);
    }
  }, 60_000);

  it('no request leaves the page: only its own four files are ever fetched', async () => {
    const origin = new URL(server.url).origin;
    const own = new Set(['/', '/playground.js', '/playground.css', '/worker.js']);
    const foreign = requests.filter((r) => {
      if (r.startsWith('pageerror')) return true;
      if (r.startsWith('data:') || r.startsWith('blob:')) return false;
      const url = new URL(r);
      return url.origin !== origin || !own.has(url.pathname);
    });
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
