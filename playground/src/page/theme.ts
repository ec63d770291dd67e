/**
 * Light, dark or the system's scheme (followed as it changes); remembered in this browser only. The
 * scheme is always set here as `data-theme`, so the stylesheet holds each palette once.
 */
import { byId } from './dom.js';

const KEY = 'apigw-vtl-playground-theme';

export function setUpTheme(): void {
  const select = byId<HTMLSelectElement>('theme');
  const system = matchMedia('(prefers-color-scheme: dark)');
  const apply = (value: string): void => {
    const dark = value === 'dark' || (value !== 'light' && system.matches);
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  };
  system.addEventListener('change', () => apply(select.value));
  let saved = 'auto';
  try {
    saved = localStorage.getItem(KEY) ?? 'auto';
  } catch {
    // Storage can be refused (private windows, sandboxed frames): the theme is just not remembered.
  }
  select.value = ['light', 'dark'].includes(saved) ? saved : 'auto';
  apply(select.value);
  select.addEventListener('change', () => {
    apply(select.value);
    try {
      localStorage.setItem(KEY, select.value);
    } catch {
      // As above.
    }
  });
}
