import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "migrations/**",
      "data/**",
      "bench/results/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through the config object (server/src/config.ts).",
        },
      ],
    },
  },
  {
    files: [
      "server/src/config.ts",
      "server/test/**",
      "**/e2e/**",
      "bench/**",
      "**/*.config.ts",
      "**/*.config.js",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Type-aware rules where a forgotten promise is a real bug: an unhandled rejection kills the
    // server, a promise passed where a callback is expected is never awaited.
    files: ["server/src/**/*.ts", "server/test/**/*.ts", "shared/src/**/*.ts", "bench/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The server's shape (server/src/modules/README.md): no import cycle anywhere; infrastructure
    // (core, lib, db, plugins) imports no feature module; a module reaches another only through
    // that module's index.ts, never its repository or other insides.
    files: ["server/src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "server/tsconfig.json" })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/extensions": [".ts", ".js"],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["server/src/core/**", "server/src/lib/**", "server/src/db/**", "server/src/plugins/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/modules/**"],
              message:
                "Infrastructure imports no feature module; take a function or a port from core/ instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/modules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*/*", "!../../**", "!../*/index.js"],
              message:
                "Reach another module only through its index.ts (its service and exported types), never its repository or insides.",
            },
            {
              group: ["../../app.js", "../../server.js"],
              message: "Modules do not import the composition root.",
            },
          ],
        },
      ],
    },
  },
  {
    // The apps' client kit runs in browsers too.
    files: ["shared/src/client/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["kiosk/src/**", "display/src/**", "staff-console/src/**"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  prettier,
);
