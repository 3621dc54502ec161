/** The one barrel of Accord's shared contracts. */
export * from './common';
export * from './errors';
export * from './records';
export * from './reference';
export * from './match';
export * from './enrichment';
export * from './credits';
export * from './batches';
export * from './api';
export * from './agents';
export * from './routes';
