/**
 * The YAML editor (CodeMirror 6): syntax highlighting, line numbers, undo, and problems marked on
 * their lines (from the schema as the author types, and from the service after saving). Tab is left
 * to the browser, so the keyboard can always leave the editor; problems are also listed as text
 * beside it (the editor lives in a shadow root, which ARIA references cannot cross).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

export interface LineProblem {
  line: number;
  message: string;
}

interface Props {
  value: string;
  onChange(value: string): void;
  /** The accessible name of the editing area. */
  label: string;
  problems: LineProblem[];
}

export function YamlEditor({ value, onChange, label, problems }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    // CodeMirror writes its styles into the document; inside a shadow root it uses constructed style
    // sheets instead, which the Content-Security-Policy (style-src 'self', no inline <style>) allows.
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    shadow.appendChild(mount);
    const v = new EditorView({
      root: shadow,
      parent: mount,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLine(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          syntaxHighlighting(defaultHighlightStyle),
          yaml(),
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.theme({
            // CodeMirror's own scroller scrolls a long definition: it holds the editing area, so the
            // keyboard (moving the cursor) scrolls it, and no box around it scrolls out of reach.
            '&': { minHeight: '320px', maxHeight: '70vh', fontSize: '0.85rem', backgroundColor: '#fff' },
            '.cm-scroller': { overflow: 'auto' },
            '&.cm-focused': { outline: '2px solid #1864ab' },
            '.cm-gutters': { backgroundColor: '#f1f3f5', color: '#495057' },
          }),
          EditorView.contentAttributes.of({
            'aria-label': label,
            'aria-multiline': 'true',
            // Focusable already (contenteditable); said explicitly for checkers that look for a tab stop in the scroller.
            tabindex: '0',
          }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      mount.remove();
    };
    // The editor is made once; later values come from the user typing in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const doc = v.state.doc;
    const diagnostics: Diagnostic[] = problems
      .filter((p) => p.line >= 1 && p.line <= doc.lines)
      .map((p) => {
        const line = doc.line(p.line);
        return { from: line.from, to: Math.max(line.from, line.to), severity: 'error', message: p.message };
      });
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [problems]);

  return <div ref={host} className="yaml-editor" />;
}
