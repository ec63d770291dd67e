/** `apigw-vtl playground`: the browser playground served on localhost, a template preloaded if given. */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { encodePlaygroundState, MAX_PLAYGROUND_STATE_CHARACTERS, playgroundUrl, type PlaygroundState } from '../../sharing/playground-state.js';
import { isDefinitionFile, readText } from '../files.js';
import { integerOption, UsageError, type Command } from '../io.js';
import { DEFAULT_PLAYGROUND_PORT, servePlayground } from '../playground-server.js';
import { checkRequestOptions, hasRequestOptions, readRequestInput, REQUEST_OPTIONS, REQUEST_OPTIONS_USAGE } from '../request-options.js';

/** What the playground command can be given besides its arguments (tests give both). */
export interface PlaygroundCommandOptions {
  /** The folder served (default: the built `dist/playground/`). */
  root?: string | URL;
  /** Opens a URL in a browser for `--open` (default {@link openInBrowser}); a rejection is a warning. */
  openUrl?: (url: string) => Promise<void> | void;
}

/** How a browser is started on this platform: the program, its arguments, and whether they go verbatim. */
export interface BrowserLauncher {
  command: string;
  args: string[];
  windowsVerbatimArguments?: boolean;
}

/** The default-browser opener of `platform`: `open` on macOS, `cmd /c start` on Windows, else `xdg-open`. */
export function browserLauncher(url: string, platform: NodeJS.Platform = process.platform): BrowserLauncher {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` takes its first quoted argument as a window title, hence the empty one. Verbatim, because
  // Node's quoting (\"…\") is not what cmd reads; the URL is quoted against cmd's & and ^ (ours has
  // none: a host, a port and a base64url fragment, but --host is the user's text).
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], windowsVerbatimArguments: true };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Starts the default browser on `url` and leaves it running on its own.
 * @returns resolves once the opener has started; rejects when it cannot be (ENOENT: no such program, …)
 */
export function openInBrowser(url: string, launcher: BrowserLauncher = browserLauncher(url)): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(launcher.command, launcher.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: launcher.windowsVerbatimArguments });
    child.once('error', reject);
    child.once('spawn', () => {
      // The CLI must be free to exit (on Ctrl-C) without waiting for the browser.
      child.unref();
      resolve();
    });
  });
}

/** The `playground` command, serving `options.root` and opening URLs with `options.openUrl`. */
export function createPlaygroundCommand(options: PlaygroundCommandOptions = {}): Command {
  return {
    name: 'playground',
    summary: 'serve the browser playground on localhost',
    usage: `Usage: apigw-vtl playground [template] [options]

Serves the browser playground, where templates render as you type, at http://HOST:PORT/ until stopped
(Ctrl-C). With a template (a file, or - for standard input) the printed URL opens it preloaded, with
the request the options below describe; both travel in the URL's fragment, which browsers never send
to a server. The page itself connects nowhere: rendering happens in the browser.

Options:
  --port N             port (default ${DEFAULT_PLAYGROUND_PORT}; 0 picks a free one)
  --host H             address to listen on (default 127.0.0.1)
  --open               open the URL in the default browser
${REQUEST_OPTIONS_USAGE}
  -h, --help           this text`,
    async run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { ...REQUEST_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' } },
      });
      if (positionals.length > 1) throw new UsageError('playground takes at most one template file (or - for standard input)');
      checkRequestOptions(values);
      const port = integerOption(values.port, '--port', 0, 65535) ?? DEFAULT_PLAYGROUND_PORT;
      const file = positionals[0];
      if (file === undefined && hasRequestOptions(values)) throw new UsageError('the request options preload a request for a template: give the template file too');
      if (file !== undefined && isDefinitionFile(file)) throw new UsageError(`${file} is an API definition, not a template: the playground opens one template (.vtl, or - for standard input)`);

      let state: PlaygroundState | undefined;
      if (file !== undefined) {
        state = { template: await readText(file, io, 'the template'), input: await readRequestInput(values, io) };
        // Checked before serving: the page refuses a longer state, so the link would open nothing.
        const length = encodePlaygroundState(state).length;
        if (length > MAX_PLAYGROUND_STATE_CHARACTERS) {
          throw new UsageError(`the template and its request make a link state of ${length} characters; the playground reads at most ${MAX_PLAYGROUND_STATE_CHARACTERS}`);
        }
      }

      let running;
      try {
        running = await servePlayground({ root: options.root, port, host: values.host, log: io.out });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: choose another with --port (0 picks a free one)`);
        throw e;
      }
      const url = state ? playgroundUrl(running.url, state) : running.url;
      io.out(`Playground: ${url}`);
      if (values.open) {
        try {
          await (options.openUrl ?? openInBrowser)(url);
        } catch (e) {
          io.err(`apigw-vtl: warning: cannot open a browser (${(e as Error)?.message ?? String(e)}); open the URL above yourself`);
        }
      }
      return running;
    },
  };
}

export const playgroundCommand: Command = createPlaygroundCommand();
