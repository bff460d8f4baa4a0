import tseslint from "typescript-eslint";

// Provider packages cost ~2 s and 260 MB when imported from their root: bindings are imported by deep path only.
const providerRoots = ["@cdktf/provider-kubernetes", "@cdktf/provider-postgresql", "@cdktf/provider-random"];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "cdktf.out/**", ".gen/**", "coverage/**"] },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommended],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: providerRoots.map((name) => ({
            name,
            message: `Import ${name} bindings by deep path (e.g. ${name}/lib/<resource>): the package root loads every binding.`,
          })),
          patterns: [
            {
              regex: "\\.gen/providers/kong(/index|/lazy-index)?$",
              message: "Import Kong bindings by deep path (.gen/providers/kong/<resource>).",
            },
          ],
        },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
    },
  },
);
