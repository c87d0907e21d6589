/** Opening a local file (drag and drop, or the file picker) and saving the text, in the file's own encoding. */
import {CodecError, decode, encodeForSave} from './codec.js';

export interface Opened {
  name: string;
  text: string;
  encoding: string;
}

/** Read and decode a dropped or picked file. Throws CodecError with a one-line reason. */
export async function openFile(file: File): Promise<Opened> {
  if (file.size > 16 * 1024 * 1024) throw new CodecError(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB: not a .vmx file`);
  const {text, encoding} = decode(new Uint8Array(await file.arrayBuffer()));
  return {name: file.name, text, encoding};
}

/** Offer the text as a download, encoded as `vmxlint --fix` writes it. Throws CodecError. */
export function saveFile(name: string, text: string): void {
  const bytes = encodeForSave(text);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], {type: 'application/octet-stream'}));
  const a = Object.assign(document.createElement('a'), {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Call `onFile` for a file dropped anywhere on `target` (and mark the target while dragging). */
export function acceptDrops(target: HTMLElement, onFile: (file: File) => void): void {
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  target.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
    target.classList.add('dropping');
  });
  target.addEventListener('dragleave', () => target.classList.remove('dropping'));
  // capture: CodeMirror would otherwise insert the file's name as text
  target.addEventListener(
    'drop',
    (e) => {
      target.classList.remove('dropping');
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      e.stopPropagation();
      onFile(file);
    },
    true,
  );
}
