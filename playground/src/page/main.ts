/**
 * The playground page: a template editor, the request panes and the result, re-rendered as you type
 * (debounced, in a worker), with presets, share links in the URL fragment and "find a breaking input".
 * The page makes no network request: everything runs here, in the page and its workers.
 */
import type { RenderInput } from '../../../src/gateway/request.js';
// The page imports only the modules it needs: the engine lives in the worker's bundle.
import { decodePlaygroundState, MAX_PLAYGROUND_STATE_CHARACTERS, playgroundUrl, type PlaygroundState } from '../../../src/sharing/playground-state.js';
import { PRESETS } from '../presets.js';
import { byId } from './dom.js';
import { createEditor, type TemplateEditor } from './editor/editor.js';
import { FindView } from './find-view.js';
import { RequestView } from './request-view.js';
import { ResultView } from './result-view.js';
import { setUpTheme } from './theme.js';
import { JobWorker } from './worker-client.js';

/** Typing pauses this long before a render: fast enough to feel live, slow enough not to render per key. */
const DEBOUNCE_MS = 150;
/** A render still running after this long is stopped; the engine's own limits usually stop it first. */
const RENDER_TIMEOUT_MS = 5_000;
const WORKER_URL = 'worker.js';

const status = byId('status');
const banner = byId('banner');
const renderWorker = new JobWorker(WORKER_URL, RENDER_TIMEOUT_MS);
renderWorker.warm();

let editor: TemplateEditor;
let timer: ReturnType<typeof setTimeout> | undefined;
let rendering = false;
let again = false;
let firstRender = true;

const result = new ResultView((place) => editor.reveal(place));
const request = new RequestView(schedule);

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void render(), DEBOUNCE_MS);
}

function state(input: RenderInput): PlaygroundState {
  return { template: editor.text(), input };
}

async function render(): Promise<void> {
  if (rendering) {
    again = true;
    return;
  }
  rendering = true;
  try {
    await renderOnce();
  } catch (e) {
    // Nothing above should throw (the worker's replies are data); if it does, say so and keep going.
    result.showStopped(`the page failed: ${(e as Error)?.message ?? String(e)}`);
    status.textContent = 'The render failed in the page.';
  } finally {
    rendering = false;
  }
  if (firstRender) {
    firstRender = false;
    // Time from navigation to the first result on screen, for the browser tests and docs/performance.md.
    document.documentElement.dataset['firstRenderMs'] = performance.now().toFixed(0);
  }
  if (again) {
    again = false;
    void render();
  }
}

async function renderOnce(): Promise<void> {
  const template = editor.text();
  const { input, problems } = request.read();
  status.textContent = 'Rendering…';
  const reply = await renderWorker.run({ type: 'render', template, input });
  if (reply.type === 'stopped') {
    result.showStopped(reply.reason);
    status.textContent = `The render was stopped: ${reply.reason}.`;
  } else if (reply.type === 'rendered') {
    result.show(reply.outcome, template);
    // Diagnostics for an older text would underline the wrong places: only the current text's are shown.
    if (editor.text() === template) editor.showDiagnostics(reply.diagnostics);
    const findings = reply.diagnostics.length;
    const verdict = reply.outcome.ok ? `Rendered in ${reply.ms.toFixed(1)} ms` : 'The render failed';
    status.textContent = `${verdict}. ${findings === 0 ? 'No lint findings' : `${findings} lint finding${findings === 1 ? '' : 's'} (underlined)`}.${problems ? ' Some request fields were left out.' : ''}`;
    remember(input);
  }
}

/** Keeps the URL a share link of what is on screen (replaceState: no history entry, no request). */
function remember(input: RenderInput): void {
  try {
    history.replaceState(null, '', playgroundUrl(location.href, state(input)));
  } catch {
    // A state too large for the URL stays unshared; the page works on.
  }
}

function load(s: PlaygroundState): void {
  editor.setText(s.template);
  request.show(s.input);
  schedule();
}

function fromLocation(): PlaygroundState | undefined {
  if (!location.hash.includes('state=')) return undefined;
  try {
    const s = decodePlaygroundState(location.hash);
    banner.hidden = true;
    return s;
  } catch (e) {
    banner.textContent = `This link's state could not be opened: ${(e as Error).message}. Showing the first preset instead.`;
    banner.hidden = false;
    return undefined;
  }
}

function setUpPresets(): void {
  const select = byId<HTMLSelectElement>('preset');
  for (const preset of PRESETS) {
    const option = document.createElement('option');
    option.value = preset.id;
    option.textContent = `${preset.title}${preset.kind === 'response' ? ' (response)' : ''}`;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const preset = PRESETS.find((p) => p.id === select.value);
    if (!preset) return;
    byId('preset-description').textContent = preset.description;
    load({ template: preset.template, input: preset.input });
  });
}

function setUpShare(): void {
  const field = byId<HTMLInputElement>('share-link');
  byId('share').addEventListener('click', () => {
    const { input } = request.read();
    const note = byId('share-note');
    byId('share-box').hidden = false;
    let link: string;
    try {
      link = playgroundUrl(location.href, state(input));
    } catch (e) {
      field.value = '';
      note.textContent = `No link: ${(e as Error).message}.`;
      return;
    }
    field.value = link;
    field.select();
    if (link.length - link.indexOf('#state=') - 7 > MAX_PLAYGROUND_STATE_CHARACTERS) {
      note.textContent = `This link is ${link.length} characters: longer than browsers open (about 2 MB), so it will not open. Shorten the template or the request.`;
      return;
    }
    navigator.clipboard?.writeText(link).then(
      () => (note.textContent = 'Copied to the clipboard. The state is in the fragment: it never reaches a server.'),
      () => (note.textContent = 'Select the link and copy it (the clipboard was not available).'),
    ) ?? (note.textContent = 'Select the link and copy it.');
  });
}

function start(): void {
  setUpTheme();
  setUpPresets();
  const linked = fromLocation();
  const first = PRESETS[0]!;
  const initial = linked ?? { template: first.template, input: first.input };
  byId<HTMLSelectElement>('preset').value = linked ? '' : first.id;
  byId('preset-description').textContent = linked ? 'Opened from a share link.' : first.description;
  editor = createEditor(byId('template'), initial.template, schedule);
  request.show(initial.input);
  setUpShare();
  new FindView(new JobWorker(WORKER_URL, undefined), {
    template: () => editor.text(),
    load: (input) => {
      request.show(input);
      schedule();
      byId('request-heading').scrollIntoView({ block: 'start' });
    },
    reveal: (place) => editor.reveal(place),
  });
  window.addEventListener('hashchange', () => {
    const s = fromLocation();
    if (s && (s.template !== editor.text() || JSON.stringify(s.input) !== JSON.stringify(request.read().input))) load(s);
  });
  void render();
}

start();
