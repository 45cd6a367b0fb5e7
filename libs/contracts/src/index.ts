/** The bottom lib: types and pure tables shared by the server, the worker, the gateway and the web app. No Nest, no database. */
export * from './vocabulary';
export * from './pipeline';
export * from './kpis';
export * from './posting-view';
export * from './socket-events';
export * from './domain-events';
export * from './http';
export * from './matching';
export * from './korean';
export * from './fair-basics';
export * from './privacy';
