/** Loads the versioned matching model files that ship with the backend (trained by `npm run train:matching`). */
import fs from 'node:fs';
import path from 'node:path';
import type { RecordKind } from '@accord/shared';
import { matchingModelSchema, type MatchingModel } from '../../domain/matching/model';

export const MODELS_DIR = path.resolve(__dirname, '../../domain/matching/models');

export function modelPath(kind: RecordKind, dir = MODELS_DIR): string {
  return path.join(dir, `${kind}.model.json`);
}

export function loadMatchingModels(dir = MODELS_DIR): Record<RecordKind, MatchingModel> {
  const load = (kind: RecordKind) => {
    const file = modelPath(kind, dir);
    const model = matchingModelSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (model.kind !== kind) throw new Error(`${file} holds a ${model.kind} model, expected ${kind}`);
    return model;
  };
  return { company: load('company'), person: load('person') };
}
