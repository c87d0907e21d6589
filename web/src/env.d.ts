/** esbuild's text loader (scripts/build-web.mjs): a .vmx file imported as its text. */
declare module '*.vmx' {
  const text: string;
  export default text;
}
declare module '*.css';
