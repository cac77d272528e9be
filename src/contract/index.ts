export * from './actions';
export * from './envelope';
export * from './limits';
export type * from './replies';
