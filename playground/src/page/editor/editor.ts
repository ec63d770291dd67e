/**
 * The template editor: CodeMirror 6 with Velocity highlighting, line numbers, undo history and the
 * diagnostics the worker sends (syntax errors and lint findings) underlined at their line and column.
 * Tab is left to the browser, so keyboard users can move out of the editor.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Diagnostic, Place } from '../../protocol.js';
import { vtl } from './vtl-language.js';

/** Colours come from CSS variables, so the light and dark schemes switch without a new editor. */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--tok-keyword)', fontWeight: '600' },
  { tag: tags.variableName, color: 'var(--tok-variable)' },
  { tag: tags.propertyName, color: 'var(--tok-property)' },
  { tag: tags.string, color: 'var(--tok-string)' },
  { tag: [tags.number, tags.atom], color: 'var(--tok-number)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [tags.operator, tags.bracket], color: 'var(--tok-operator)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--field-bg)', fontSize: '14px', height: '100%' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-scroller': { overflow: 'auto' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
});

export interface TemplateEditor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  showDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Puts the cursor at a place and scrolls to it (the error's "go to" link). */
  reveal(place: Place): void;
}

/** The document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, place: Place): number {
  const line = doc.line(Math.min(Math.max(place.line, 1), doc.lines));
  return line.from + Math.min(Math.max(place.column - 1, 0), line.length);
}

/** The end of the underline: the given end, else the word (or one character) at the start. */
function underlineEnd(doc: Text, from: number, to: Place | undefined): number {
  if (to) return Math.max(offsetOf(doc, to), from);
  const line = doc.lineAt(from);
  const rest = line.text.slice(from - line.from);
  const word = /^[$#!{]*[\w.-]*/.exec(rest)?.[0].length ?? 0;
  return Math.min(from + Math.max(word, 1), line.to);
}

export function createEditor(parent: HTMLElement, initial: string, onChange: (text: string) => void): TemplateEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        // Panes are narrow (360 px on a phone): long template lines wrap rather than scroll out of sight.
        EditorView.lineWrapping,
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        bracketMatching(),
        vtl,
        syntaxHighlighting(highlight),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': 'Mapping template (Velocity)', 'aria-describedby': 'template-help' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showDiagnostics(diagnostics) {
      const doc = view.state.doc;
      const marks: CmDiagnostic[] = diagnostics.map((d) => {
        const from = offsetOf(doc, d.from);
        return { from, to: underlineEnd(doc, from, d.to), severity: d.severity, message: d.message, source: d.source };
      });
      view.dispatch(setDiagnostics(view.state, marks));
    },
    reveal(place) {
      const at = offsetOf(view.state.doc, place);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
  };
}
