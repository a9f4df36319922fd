export * from './endpoint-label';
export * from './ip-ranges';
export * from './protocols';
export * from './reconcile';
export * from './triage-rules';
export * from './subnet-assignment';
export * from './subnet-index';
export * from './zone-pairs';
