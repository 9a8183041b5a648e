/** esbuild's text loader: `import css from './x.css'` gives the file's text. */
declare module '*.css' {
  const text: string
  export default text
}
