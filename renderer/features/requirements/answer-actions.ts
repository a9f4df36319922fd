import { ZodError } from 'zod';
import { issuesInWords, type Evidence } from '../../../shared/model';
import { attachEvidence, detachEvidence, saveAnswer, type AnswerPatch } from '../../db/answers';
import { prepareEvidence, type IncomingFile } from '../../db/evidence';
import { platform } from '../../platform';
import { plural } from '../../ui/format';
import { notify } from '../../ui/notices';

function describeError(error: unknown): string {
  if (error instanceof ZodError) return issuesInWords(error).join('; ');
  return error instanceof Error ? error.message : String(error);
}

async function filesOf(files: File[]): Promise<IncomingFile[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      mimeType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/**
 * What the checklist writes for one zone's items: answers and their evidence. A failure is told
 * to the user in a notice naming the item; nothing throws.
 */
export function answerActions(assessmentId: string, zoneId: string, assessor: string | null) {
  const key = (itemId: string) => ({ assessmentId, zoneId, itemId });

  const save = async (itemId: string, patch: AnswerPatch): Promise<boolean> => {
    try {
      await saveAnswer(key(itemId), patch, assessor);
      return true;
    } catch (error) {
      notify('error', `${itemId} was not saved`, [describeError(error)]);
      return false;
    }
  };

  const addFiles = async (itemId: string, files: IncomingFile[]) => {
    if (files.length === 0) return;
    try {
      const evidence = await prepareEvidence(assessmentId, files);
      await attachEvidence(key(itemId), evidence);
      notify('success', `${plural(files.length, 'file')} attached to ${itemId}`);
    } catch (error) {
      notify('error', `The files were not attached to ${itemId}`, [describeError(error)]);
    }
  };

  return {
    save,
    attachFromDisk: async (itemId: string) => {
      const picked = await platform().openFiles({ title: `Evidence for ${itemId}`, multiple: true });
      await addFiles(itemId, picked);
    },
    dropFiles: async (itemId: string, files: File[]) => addFiles(itemId, await filesOf(files)),
    removeEvidence: async (itemId: string, evidence: Evidence) => {
      try {
        await detachEvidence(key(itemId), evidence.id);
      } catch (error) {
        notify('error', `${evidence.name} was not removed`, [describeError(error)]);
      }
    },
  };
}

export type AnswerActions = ReturnType<typeof answerActions>;
