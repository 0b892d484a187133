// ESLint for the page scripts (overrides/assets/javascripts) and the test tools' Node scripts (`make lint`).
// ESLint's recommended rules, plus the few that keep these small modules plain.
import js from "@eslint/js";
import globals from "globals";

const strict = {
  eqeqeq: ["error", "always"],
  "no-var": "error",
  "prefer-const": "error",
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
};

export default [
  { ignores: ["site/**", "site-zensical/**", "site-preview/**", ".zensical-build/**", "node_modules/**",
              "bench/node_modules/**", ".venv/**"] },
  js.configs.recommended,
  // The components: ES modules, started by modules.js by their data-module attribute.
  {
    files: ["overrides/assets/javascripts/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: strict,
  },
  // Classic scripts, loaded with a plain <script>: the offline copy's registration and the sign-up form.
  {
    files: ["overrides/assets/javascripts/offline.js", "overrides/assets/javascripts/signup.js"],
    languageOptions: { sourceType: "script" },
  },
  // Material's search worker, wrapped: a classic worker script.
  {
    files: ["overrides/assets/javascripts/workers/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: globals.worker },
    rules: strict,
  },
  // The test suite's Node scripts.
  {
    files: ["tests/**/*.mjs", "bench/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    rules: strict,
  },
];
