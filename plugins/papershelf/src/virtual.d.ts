declare module 'virtual:papershelf/options' {
  const options: import('./options.ts').PapershelfOptions;
  export default options;
}
