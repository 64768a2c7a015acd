/** addons-linter ships no types; this is the part of its API that scripts/lint-firefox.mjs uses. */
declare module 'addons-linter' {
  interface Finding {
    code: string;
    message: string;
    file?: string;
    line?: number;
    column?: number;
  }
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): {
      run(): Promise<{ errors: Finding[]; warnings: Finding[]; notices: Finding[] }>;
    };
  };
  export default linter;
}
