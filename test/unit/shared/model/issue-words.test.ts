import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { connectionSchema, fieldMessages, issuesInWords, newId, nowIso } from '../../../../shared/model';

const schema = z.object({
  title: z.string().min(1, 'a title is required'),
  name: z.string().min(1),
  code: z.string().max(4),
  port: z.number().int().min(1),
  id: z.uuid(),
  kind: z.enum(['a', 'b']),
  tags: z.array(z.string()).min(1),
});

describe('zod issues in words', () => {
  it('keeps the schema’s own messages and puts zod’s in plain words, with no path', () => {
    const result = schema.safeParse({
      title: '',
      name: '',
      code: 'toolong',
      port: 0,
      id: 'x',
      kind: 'c',
      tags: [],
    });
    expect(result.success).toBe(false);
    const messages = fieldMessages(result.error!, { name: 'Name', port: 'Port' });
    expect(messages).toEqual({
      title: 'A title is required',
      name: 'Name is required',
      code: 'Code needs at most 4 characters',
      port: 'Port must be at least 1',
      id: 'Id is not an id',
      kind: 'Kind: choose one of the offered values',
      tags: 'Tags needs at least one entry',
    });
    const missing = schema.safeParse({});
    expect(fieldMessages(missing.error!).name).toBe('Name is required');
  });

  it('turns the connection form’s empty asset into a sentence about the field', () => {
    const at = nowIso();
    const result = connectionSchema.safeParse({
      id: newId(),
      assessmentId: newId(),
      createdAt: at,
      updatedAt: at,
      from: { kind: 'asset', assetId: '' },
      to: { kind: 'text', text: 'vendor cloud' },
    });
    expect(result.success).toBe(false);
    const words = issuesInWords(result.error!, { from: 'From' });
    for (const line of words) {
      expect(line).not.toMatch(/Too small|expected|>=|\.assetId/);
    }
    expect(words[0]).toMatch(/^From /);
  });
});
