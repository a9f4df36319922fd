export * from './log';
export * from './record-change';
