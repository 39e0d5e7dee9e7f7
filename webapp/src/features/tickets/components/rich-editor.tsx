import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import FormatBoldIcon from '@mui/icons-material/FormatBold';
import FormatItalicIcon from '@mui/icons-material/FormatItalic';
import FormatListBulletedIcon from '@mui/icons-material/FormatListBulleted';
import FormatListNumberedIcon from '@mui/icons-material/FormatListNumbered';
import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import CodeIcon from '@mui/icons-material/Code';
import DataObjectIcon from '@mui/icons-material/DataObject';
import LinkIcon from '@mui/icons-material/Link';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Fragment, Slice } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { imageFilesOf } from '@/features/tickets/components/pasted-images';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';

/** What the reply box may do with the editor from outside: focus it. */
export type RichEditorHandle = { focus: () => void };

/** Text as HTML text: &, <, > and " escaped. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text (a macro's, a draft's) as editor HTML: blank lines part paragraphs, a newline breaks. */
export const textToHtml = (text: string): string => {
  const escape = escapeHtml;
  return text
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escape(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
};

/** Inline image nodes, one per preview URL, as a slice to put at the cursor. */
const imageSlice = (view: EditorView, previews: string[]): Slice =>
  new Slice(
    Fragment.fromArray(previews.map((src) => view.state.schema.nodes.image.create({ src, alt: 'pasted image' }))),
    0,
    0,
  );

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

type Action = {
  name: string;
  keys: string;
  icon: React.ReactNode;
  active: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
};

const ACTIONS: Action[] = [
  {
    name: 'Bold',
    keys: `${mod}+B`,
    icon: <FormatBoldIcon fontSize="small" />,
    active: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    name: 'Italic',
    keys: `${mod}+I`,
    icon: <FormatItalicIcon fontSize="small" />,
    active: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    name: 'Bulleted list',
    keys: `${mod}+Shift+8`,
    icon: <FormatListBulletedIcon fontSize="small" />,
    active: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    name: 'Numbered list',
    keys: `${mod}+Shift+7`,
    icon: <FormatListNumberedIcon fontSize="small" />,
    active: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    name: 'Quote',
    keys: `${mod}+Shift+B`,
    icon: <FormatQuoteIcon fontSize="small" />,
    active: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  {
    name: 'Inline code',
    keys: `${mod}+E`,
    icon: <CodeIcon fontSize="small" />,
    active: (e) => e.isActive('code'),
    run: (e) => e.chain().focus().toggleCode().run(),
  },
  {
    name: 'Code block',
    keys: `${mod}+Alt+C`,
    icon: <DataObjectIcon fontSize="small" />,
    active: (e) => e.isActive('codeBlock'),
    run: (e) => e.chain().focus().toggleCodeBlock().run(),
  },
];

/** Only addresses a mail client opens: web links and mail addresses. */
const safeHref = (href: string): string | null => {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return `mailto:${trimmed}`;
  if (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(trimmed)) return `https://${trimmed}`;
  return null;
};

const LinkForm = ({ editor, onDone }: { editor: Editor; onDone: () => void }) => {
  const [href, setHref] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (href.trim() === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onDone();
      return;
    }
    const safe = safeHref(href);
    if (!safe) {
      setError('A web address (https://…) or an email address.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: safe, marks: [{ type: 'link', attrs: { href: safe } }] }).run();
    } else {
      chain.setLink({ href: safe }).run();
    }
    onDone();
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', px: 1, pb: 1 }}>
      <TextField
        size="small"
        label="Link address"
        autoFocus
        value={href}
        error={Boolean(error)}
        helperText={error}
        onChange={(event) => {
          setHref(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onDone();
            editor.commands.focus();
          }
        }}
        sx={{ flex: 1 }}
      />
      <Button onClick={apply}>Apply link</Button>
    </Stack>
  );
};

const Toolbar = ({ editor, onLink }: { editor: Editor; onLink: () => void }) => {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }): Record<string, boolean> => ({
      ...Object.fromEntries(ACTIONS.map((action) => [action.name, action.active(current)])),
      Link: current.isActive('link'),
    }),
  });
  return (
    <Stack
      direction="row"
      role="toolbar"
      aria-label="Formatting"
      sx={{ flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider', px: 0.5 }}
    >
      {ACTIONS.map((action) => (
        <Tooltip key={action.name} title={`${action.name} (${action.keys})`}>
          <IconButton
            size="small"
            aria-label={action.name}
            aria-pressed={Boolean(active[action.name])}
            color={active[action.name] ? 'primary' : 'default'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => action.run(editor)}
          >
            {action.icon}
          </IconButton>
        </Tooltip>
      ))}
      <Tooltip title={`Link (${mod}+K)`}>
        <IconButton
          size="small"
          aria-label="Link"
          aria-pressed={Boolean(active.Link)}
          color={active.Link ? 'primary' : 'default'}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onLink}
        >
          <LinkIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};

/**
 * A rich-text field (TipTap): bold, italics, lists, quotes, inline code, code blocks and links, with
 * a toolbar and the usual shortcuts. It is a labelled textbox (`role="textbox"`, `aria-label`), so
 * screen readers and the browser steps find it by its label. `value` is HTML; `onChange` gets the
 * HTML and whether the text is empty. The server sanitizes what is sent (see README, Replies).
 */
export const RichEditor = ({
  id,
  label,
  value,
  onChange,
  error,
  helperText,
  ref,
  onImages,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (html: string, empty: boolean) => void;
  error?: boolean;
  helperText?: string;
  ref?: Ref<RichEditorHandle>;
  /** Images pasted or dropped in: the caller keeps them and returns each one's preview URL. */
  onImages?: (files: File[]) => string[];
}) => {
  const [linking, setLinking] = useState(false);
  // The HTML this editor last reported: a `value` that differs came from outside.
  const emitted = useRef(value);
  const changed = useRef(onChange);
  const imagesIn = useRef(onImages);
  useEffect(() => {
    changed.current = onChange;
    imagesIn.current = onImages;
  });
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        horizontalRule: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ['mailto'],
          HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
        },
      }),
      Image.configure({ inline: true, allowBase64: false }),
    ],
    content: value,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-invalid': error ? 'true' : 'false',
        ...(helperText ? { 'aria-describedby': `${id}-helper` } : {}),
        class: 'rich-editor-content',
      },
      // Pasted or dropped images: kept by the caller, shown here from their preview URL.
      handleDOMEvents: {
        paste: (view, event) => {
          const images = imageFilesOf(event.clipboardData?.files);
          if (!imagesIn.current || images.length === 0) return false;
          event.preventDefault();
          view.dispatch(view.state.tr.replaceSelection(imageSlice(view, imagesIn.current(images))));
          return true;
        },
        drop: (view, event) => {
          const images = imageFilesOf(event.dataTransfer?.files);
          if (!imagesIn.current || images.length === 0) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
          const tr = view.state.tr;
          if (at != null) tr.setSelection(TextSelection.create(tr.doc, at));
          view.dispatch(tr.replaceSelection(imageSlice(view, imagesIn.current(images))));
          return true;
        },
      },
      handleKeyDown: (_, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinking(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: current }) => {
      emitted.current = current.isEmpty ? '' : current.getHTML().replace(/(<p><\/p>)+$/, '');
      changed.current(emitted.current, current.isEmpty);
    },
  });

  // A value set from outside (a macro, a cleared draft, the other tab): adopted when it differs.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: {
          ...(editor.options.editorProps.attributes as Record<string, string>),
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
        },
      },
    });
  }, [editor, label, error]);
  useImperativeHandle(ref, () => ({ focus: () => editor?.commands.focus('end') }), [editor]);

  return (
    <Box>
      <Box
        sx={{
          border: 1,
          borderColor: error ? 'error.main' : 'divider',
          borderRadius: 1,
          '&:focus-within': { borderColor: error ? 'error.main' : 'primary.main' },
          '& .rich-editor-content': { minHeight: 96, px: 1.5, py: 1, outline: 'none' },
          '& .rich-editor-content p': { my: 0.5 },
          '& .rich-editor-content blockquote': { borderLeft: 3, borderColor: 'divider', pl: 1.5, ml: 0 },
          '& .rich-editor-content pre': { bgcolor: 'grey.100', p: 1, borderRadius: 1 },
          '& .rich-editor-content img': { maxWidth: '100%', height: 'auto' },
        }}
      >
        {editor && <Toolbar editor={editor} onLink={() => setLinking(true)} />}
        {editor && linking && <LinkForm editor={editor} onDone={() => setLinking(false)} />}
        <EditorContent editor={editor} />
      </Box>
      {helperText && (
        <FormHelperText id={`${id}-helper`} error={error}>
          {helperText}
        </FormHelperText>
      )}
    </Box>
  );
};
