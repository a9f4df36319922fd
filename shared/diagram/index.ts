export * from './change';
export * from './edits';
export * from './layout';
export * from './store';
export * from './svg';
export * from './templates';
export * from './undocumented-edges';
export * from './zone-style';
