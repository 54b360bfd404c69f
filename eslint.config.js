// @ts-check
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** The Node globals plain .js/.mjs files here use (TypeScript files get theirs from @types/node). */
const nodeGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "Buffer",
    "URL",
    "URLSearchParams",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "fetch",
    "globalThis",
  ].map((name) => [name, "readonly"]),
);

const bareFormData = {
  selector: "CallExpression[callee.property.name='formData'][arguments.length=0]",
  message: "Read a form with readForm(request) from ~/utils/form-data.server (a clear 415/400/422, never a 500).",
};
const newPGlite = {
  selector: "NewExpression[callee.name='PGlite']",
  message: "Open PGlite with newPGlite() from db/client.server.ts (it loads pg_trgm).",
};

export default defineConfig(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      ".builds/",
      ".cache/",
      "data/",
      "e2e/.state/",
      "playwright-report/",
      "test-results/",
      "bench/results/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The door's service worker runs in the browser's worker scope, not in Node.
    files: ["public/door-sw.js"],
    languageOptions: {
      globals: Object.fromEntries(["self", "caches", "fetch", "URL", "Response"].map((name) => [name, "readonly"])),
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Forms are read through readForm (415/400/422 instead of Node's exception: docs/decisions/024-bad-input.md).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/form-data.server.ts", "app/**/*.test.ts"],
    rules: {
      // Both of the app's syntax rules: a later block's no-restricted-syntax replaces an earlier one's, not adds.
      "no-restricted-syntax": ["error", bareFormData, newPGlite],
    },
  },
  {
    // Every embedded database is opened with the extensions the migrations create (db/client.server.ts, decision 019).
    // (app/ has it in the block above, with the forms rule.)
    files: ["**/*.ts"],
    ignores: ["db/client.server.ts", "app/**"],
    rules: { "no-restricted-syntax": ["error", newPGlite] },
  },
  {
    // Playwright reads a fixture's first parameter and needs it to be an object pattern, even when empty.
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs["recommended-latest"].rules,
  },
);
