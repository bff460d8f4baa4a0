/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // test/package packs the library and installs it into scratch projects (~35 s): `npm run test:package`, in CI
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/package/"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  // the starter (examples/starter) imports the library by its package name: here that is the sources
  moduleNameMapper: { "^kong-ai-platform$": "<rootDir>/lib/index.ts", "^kong-ai-platform/testing$": "<rootDir>/lib/testing/index.ts" },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
