/** Vite turns `import url from 'file?url'` into the URL the build serves the file at. */
declare module '*?url' {
  const url: string;
  export default url;
}
