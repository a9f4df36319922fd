import type { OpenFilesOptions, PickedFile, SaveFileOptions, SaveResult } from '../../shared/bridge';

function acceptAttribute(options: OpenFilesOptions): string {
  const extensions = (options.filters ?? []).flatMap((f) => f.extensions).filter((e) => e !== '*');
  return extensions.map((e) => `.${e}`).join(',');
}

async function toPickedFiles(files: Iterable<File>): Promise<PickedFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

/** Lets the user pick files through a hidden file input; resolves to [] when cancelled. */
export function pickFilesWithInput(options: OpenFilesOptions): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple ?? false;
    input.accept = acceptAttribute(options);
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      toPickedFiles(input.files ?? [])
        .then(resolve, reject)
        .finally(done);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve([]);
    });
    document.body.append(input);
    input.click();
  });
}

/** Saves bytes as a Blob download under the suggested name (the browser decides where). */
export async function downloadFile(options: SaveFileOptions): Promise<SaveResult> {
  const url = URL.createObjectURL(new Blob([options.data as BlobPart]));
  const link = document.createElement('a');
  link.href = url;
  link.download = options.suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true };
}
